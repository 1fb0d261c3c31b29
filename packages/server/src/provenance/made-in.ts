/**
 * Where a model is made, computed from its productions (never stored): each production
 * names the country of manufacture, and the factory when a source names it.
 */

export type MadeInStatus = "YES" | "PARTLY" | "NO" | "UNKNOWN";

export interface ProductionFacts<Factory, Citation> {
  readonly countryCode: string;
  readonly labelClaim: string | null;
  readonly annualVolume: number | null;
  readonly factory: (Factory & { readonly id: number }) | null;
  readonly sources: readonly (Citation & { readonly source: { readonly id: number } })[];
}

export interface MadeInVerdict<Factory, Citation> {
  readonly countryCode: string;
  readonly status: MadeInStatus;
  /** The named factories in the country that make the model. */
  readonly factories: Factory[];
  /** Distinct label claims of the productions in the country. */
  readonly labelClaims: string[];
  /** Share (0..1) of the known annual volume made in the country; null when no volume is known. */
  readonly volumeShare: number | null;
  /** The sources behind the verdict: of the productions in the country, or, for NO, of all. */
  readonly sources: Citation[];
}

export function madeInVerdict<Factory, Citation>(
  productions: readonly ProductionFacts<Factory, Citation>[],
  countryCode: string,
): MadeInVerdict<Factory, Citation> {
  const inCountry = productions.filter((p) => p.countryCode === countryCode);
  const status: MadeInStatus =
    productions.length === 0
      ? "UNKNOWN"
      : inCountry.length === productions.length
        ? "YES"
        : inCountry.length > 0
          ? "PARTLY"
          : "NO";
  const evidence = status === "NO" ? productions : inCountry;
  return {
    countryCode,
    status,
    factories: distinctBy(
      inCountry.flatMap((p) => (p.factory ? [p.factory] : [])),
      (f) => f.id,
    ),
    labelClaims: [...new Set(inCountry.flatMap((p) => (p.labelClaim ? [p.labelClaim] : [])))],
    volumeShare: volumeShare(productions, countryCode),
    sources: distinctBy(
      evidence.flatMap((p) => p.sources),
      (c) => c.source.id,
    ),
  };
}

/** Share of known volume made in the country, or null when no production has a volume. */
export function volumeShare(
  productions: readonly { countryCode: string; annualVolume: number | null }[],
  countryCode: string,
): number | null {
  const known = productions.filter((p) => p.annualVolume !== null);
  const total = known.reduce((sum, p) => sum + p.annualVolume!, 0);
  if (total === 0) return null;
  const inCountry = known.filter((p) => p.countryCode === countryCode).reduce((sum, p) => sum + p.annualVolume!, 0);
  return inCountry / total;
}

export function distinctBy<T, K>(items: readonly T[], key: (item: T) => K): T[] {
  const seen = new Set<K>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
