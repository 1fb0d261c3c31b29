import type { Ownership } from "../generated/prisma/enums.ts";
import { distanceKm } from "./geo.ts";
import { MATCH_RADIUS_KM, type Candidate, type RowMatch } from "./match.ts";
import type { MatchReason } from "./outcome.ts";
import type { FacilityRow } from "./row.ts";

/** The brand relation the list states for every row (`--brand`, `--relation`). */
export interface ListBrand {
  readonly id: number;
  readonly slug: string;
  readonly relation: Ownership;
}

/** A factory the batch will create: its first row, with what later rows of the batch add. */
export interface NewFactory {
  readonly row: FacilityRow;
  readonly nameKey: string;
  readonly addressKey: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  sectors: string[];
  /** Set once inserted. */
  id?: number;
  slug?: string;
}

/** A factory already in the graph that rows of the batch matched, with the fields they fill in. */
export interface MatchedFactory {
  readonly before: Candidate;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  sectors: string[];
  ownership: Ownership | null;
  operatorBrandId: number | null;
  readonly changed: Set<string>;
  /** The first row of this import that matched it: its citation quotes that row. */
  citedBy?: FacilityRow;
  supports?: string[];
}

export type Decision =
  | { readonly kind: "new"; readonly factory: NewFactory }
  | { readonly kind: "matched-new"; readonly factory: NewFactory; readonly matchedBy: readonly MatchReason[] }
  | { readonly kind: "matched"; readonly factory: MatchedFactory; readonly matchedBy: readonly MatchReason[]; readonly updated: readonly string[] }
  | { readonly kind: "ambiguous"; readonly candidates: readonly { slug: string; matchedBy: readonly MatchReason[] }[] };

/** Grid cells of 0.01°: every point within MATCH_RADIUS_KM is in a cell next to the row's (below ±80° latitude). */
const CELL_DEGREES = 0.01;

/**
 * Decides each row of a batch: a new factory, the same facility as an earlier row of
 * the batch, a factory already in the graph (one candidate), or ambiguous (several:
 * reported, not guessed). Rows of earlier batches are in the database already and come
 * back as candidates, so only the batch's own new rows are compared here.
 */
export function decideBatch(rows: readonly FacilityRow[], matches: readonly RowMatch[], matched: Map<number, MatchedFactory>, brand: ListBrand | undefined): Decision[] {
  const byName = new Map<string, NewFactory>();
  const byAddress = new Map<string, NewFactory>();
  const grid = new Map<string, NewFactory[]>();
  const cellOf = (latitude: number, longitude: number) => [Math.floor(latitude / CELL_DEGREES), Math.floor(longitude / CELL_DEGREES)] as const;

  return rows.map((row, index): Decision => {
    const { nameKey, addressKey, candidates } = matches[index]!;
    const pending = new Map<NewFactory, Set<MatchReason>>();
    const hit = (factory: NewFactory | undefined, reason: MatchReason) => {
      if (factory) pending.set(factory, (pending.get(factory) ?? new Set()).add(reason));
    };
    hit(byName.get(`${row.countryCode}|${nameKey}`), "name");
    if (addressKey) hit(byAddress.get(`${row.countryCode}|${addressKey}`), "address");
    if (row.latitude !== null && row.longitude !== null) {
      const [y, x] = cellOf(row.latitude, row.longitude);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          for (const factory of grid.get(`${y + dy}|${x + dx}`) ?? []) {
            if (factory.row.countryCode === row.countryCode && distanceKm(row.latitude, row.longitude, factory.latitude!, factory.longitude!) <= MATCH_RADIUS_KM) hit(factory, "location");
          }
        }
      }
    }

    if (candidates.length + pending.size > 1) {
      return {
        kind: "ambiguous",
        candidates: [
          ...candidates.map((candidate) => ({ slug: candidate.slug, matchedBy: candidate.matchedBy })),
          ...[...pending].map(([factory, reasons]) => ({ slug: `(line ${factory.row.line} of this list)`, matchedBy: [...reasons].sort() })),
        ],
      };
    }
    const [candidate] = candidates;
    if (candidate) {
      const factory = matched.get(candidate.id) ?? matchedFactory(candidate);
      matched.set(candidate.id, factory);
      return { kind: "matched", factory, matchedBy: candidate.matchedBy, updated: fillIn(factory, row, brand) };
    }
    const [earlier] = [...pending];
    if (earlier) {
      const [factory, reasons] = earlier;
      factory.address ??= row.address;
      if (factory.latitude === null && row.latitude !== null) [factory.latitude, factory.longitude] = [row.latitude, row.longitude];
      factory.sectors = union(factory.sectors, row.sectors);
      return { kind: "matched-new", factory, matchedBy: [...reasons].sort() };
    }

    const factory: NewFactory = { row, nameKey, addressKey, address: row.address, latitude: row.latitude, longitude: row.longitude, sectors: [...row.sectors] };
    byName.set(`${row.countryCode}|${nameKey}`, factory);
    if (addressKey) byAddress.set(`${row.countryCode}|${addressKey}`, factory);
    if (row.latitude !== null && row.longitude !== null) {
      const key = cellOf(row.latitude, row.longitude).join("|");
      grid.set(key, [...(grid.get(key) ?? []), factory]);
    }
    return { kind: "new", factory };
  });
}

function matchedFactory(candidate: Candidate): MatchedFactory {
  const { address, latitude, longitude, ownership, operatorBrandId } = candidate;
  return { before: candidate, address, latitude, longitude, sectors: [...candidate.sectors], ownership, operatorBrandId, changed: new Set() };
}

/**
 * Fills what the matched factory lacks from the row (never overwrites what the graph
 * holds: a curator's value or another list's stays), and works out which of the row's
 * fields the factory now agrees with: those its citation `supports`.
 */
function fillIn(factory: MatchedFactory, row: FacilityRow, brand: ListBrand | undefined): string[] {
  const updated: string[] = [];
  if (factory.address === null && row.address !== null) {
    factory.address = row.address;
    updated.push("address");
  }
  if (factory.latitude === null && row.latitude !== null) {
    [factory.latitude, factory.longitude] = [row.latitude, row.longitude];
    updated.push("latitude", "longitude");
  }
  const sectors = union(factory.sectors, row.sectors);
  if (sectors.length > factory.sectors.length) {
    factory.sectors = sectors;
    updated.push("sectors");
  }
  if (brand && factory.ownership === null) {
    factory.ownership = brand.relation;
    updated.push("ownership");
  }
  if (brand?.relation === "OWNED" && factory.operatorBrandId === null) {
    factory.operatorBrandId = brand.id;
    updated.push("operatorBrand");
  }
  for (const field of updated) factory.changed.add(field);
  if (!factory.citedBy) {
    factory.citedBy = row;
    factory.supports = supportedFields(factory, row, brand);
  }
  return updated;
}

/** The fields the row states and the factory holds the same way. */
function supportedFields(factory: MatchedFactory, row: FacilityRow, brand: ListBrand | undefined): string[] {
  const supports: string[] = [];
  if (factory.before.matchedBy.includes("name")) supports.push("name");
  supports.push("country");
  if (row.address !== null && (factory.address === row.address || factory.before.matchedBy.includes("address"))) supports.push("address");
  if (row.latitude !== null && row.longitude !== null && factory.latitude !== null && factory.longitude !== null
    && distanceKm(row.latitude, row.longitude, factory.latitude, factory.longitude) <= MATCH_RADIUS_KM) supports.push("latitude", "longitude");
  if (row.sectors.length > 0) supports.push("sectors");
  if (brand && factory.ownership === brand.relation) supports.push("ownership");
  if (brand?.relation === "OWNED" && factory.operatorBrandId === brand.id) supports.push("operatorBrand");
  return supports;
}

/** The fields a new factory's citation supports: everything the row gave. */
export function newFactorySupports(factory: NewFactory, brand: ListBrand | undefined): string[] {
  return [
    "name",
    "country",
    ...(factory.address !== null ? ["address"] : []),
    ...(factory.latitude !== null ? ["latitude", "longitude"] : []),
    ...(factory.sectors.length > 0 ? ["sectors"] : []),
    "status",
    ...(brand ? ["ownership"] : []),
    ...(brand?.relation === "OWNED" ? ["operatorBrand"] : []),
  ];
}

function union(known: readonly string[], more: readonly string[]): string[] {
  const result = [...known];
  for (const sector of more) if (!result.some((s) => s.toLowerCase() === sector.toLowerCase())) result.push(sector);
  return result;
}
