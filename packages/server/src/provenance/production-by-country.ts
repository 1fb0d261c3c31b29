import { distinctBy } from "./made-in.ts";

/**
 * A brand's production footprint per country, from what the graph knows: its
 * productions (with volumes where known) and the factories it operates.
 */
export interface CountryFootprint {
  readonly countryCode: string;
  readonly countryName: string;
  /** Productions (model made in the country) recorded. */
  readonly productionCount: number;
  /** productionCount as a share (0..1) of all the brand's productions. */
  readonly productionShare: number;
  /** Distinct named factories in the country: operated by the brand or making its models, closed ones excluded. */
  readonly factoryCount: number;
  /** Sum of known annual volumes, or null when none is known. */
  readonly knownVolume: number | null;
  /** knownVolume as a share (0..1) of all known volume, or null when no volume is known. */
  readonly volumeShare: number | null;
}

interface FootprintProduction {
  readonly countryCode: string;
  readonly country: { readonly name: string };
  readonly annualVolume: number | null;
  readonly factory: { readonly id: number; readonly status: string } | null;
}
interface FootprintFactory {
  readonly id: number;
  readonly status: string;
  readonly countryCode: string;
  readonly country: { readonly name: string };
}

export function productionByCountry(
  productions: readonly FootprintProduction[],
  operatedFactories: readonly FootprintFactory[],
): CountryFootprint[] {
  const countries = new Map<string, string>();
  for (const p of productions) countries.set(p.countryCode, p.country.name);
  for (const f of operatedFactories) if (f.status !== "CLOSED") countries.set(f.countryCode, f.country.name);

  const totalVolume = productions.reduce((sum, p) => sum + (p.annualVolume ?? 0), 0);
  return [...countries]
    .map(([countryCode, countryName]) => {
      const here = productions.filter((p) => p.countryCode === countryCode);
      const factories = distinctBy(
        [
          ...operatedFactories.filter((f) => f.countryCode === countryCode),
          ...here.flatMap((p) => (p.factory ? [p.factory] : [])),
        ].filter((f) => f.status !== "CLOSED"),
        (f) => f.id,
      );
      const volumes = here.filter((p) => p.annualVolume !== null);
      const knownVolume = volumes.length === 0 ? null : volumes.reduce((sum, p) => sum + p.annualVolume!, 0);
      return {
        countryCode,
        countryName,
        productionCount: here.length,
        productionShare: productions.length === 0 ? 0 : here.length / productions.length,
        factoryCount: factories.length,
        knownVolume,
        volumeShare: totalVolume === 0 || knownVolume === null ? null : knownVolume / totalVolume,
      };
    })
    .sort((a, b) => b.productionCount - a.productionCount || b.factoryCount - a.factoryCount || a.countryCode.localeCompare(b.countryCode));
}
