import type { FactoryRole, Ownership } from "../generated/prisma/enums.ts";
import { distanceKm } from "./geo.ts";
import { MATCH_RADIUS_KM, SIMILAR_NAME_RADIUS_KM, type Candidate, type RowMatch } from "./match.ts";
import type { MatchReason, RowCandidate } from "./outcome.ts";
import type { FacilityRow } from "./row.ts";

/** The brand relation the list states for every row (`--brand`, `--relation`). */
export interface ListBrand {
  readonly id: number;
  readonly slug: string;
  readonly relation: Ownership;
}

/** What a list adds to a factory beyond its place (issue 22): all filled in, never overwritten. */
export interface ListedDetails {
  roles: FactoryRole[];
  supplierGroupId: number | null;
  osId: string | null;
  workforce: number | null;
  workforceYear: number | null;
  lineWorkers: number | null;
  femaleWorkersPercent: number | null;
  migrantWorkersPercent: number | null;
  workerFiguresYear: number | null;
}

/** The list-wide facts rows need to be decided: supplier groups' ids by name, the year worker figures held. */
export interface BatchLookups {
  readonly supplierGroupIds: ReadonlyMap<string, number>;
  readonly workersYear: number;
}

/** A factory the batch will create: its first row, with what later rows of the batch add. */
export interface NewFactory extends ListedDetails {
  readonly row: FacilityRow;
  /** The keys the database computed for its name and address (the match statement's): inserted with it. */
  readonly nameKey: string;
  addressKey: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  sectors: string[];
  /** Set once inserted. */
  id?: number;
  slug?: string;
}

/** A factory already in the graph that rows of the batch matched, with the fields they fill in. */
export interface MatchedFactory extends ListedDetails {
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
  /** possibleDuplicates: factories its name is spelt like that nothing else ties to the row (reported, not merged). */
  | { readonly kind: "new"; readonly factory: NewFactory; readonly possibleDuplicates: readonly RowCandidate[] }
  | { readonly kind: "matched-new"; readonly factory: NewFactory; readonly matchedBy: readonly MatchReason[] }
  | { readonly kind: "matched"; readonly factory: MatchedFactory; readonly matchedBy: readonly MatchReason[]; readonly updated: readonly string[] }
  | { readonly kind: "ambiguous"; readonly candidates: readonly RowCandidate[] };

/** Grid cells of 0.01°: every point within MATCH_RADIUS_KM is in a cell next to the row's (below ±80° latitude). */
const CELL_DEGREES = 0.01;

/**
 * Decides each row of a batch: a new factory, the same facility as an earlier row of
 * the batch, a factory already in the graph (one candidate), or ambiguous (several:
 * reported, not guessed). Rows of earlier batches are in the database already and come
 * back as candidates, so only the batch's own new rows are compared here.
 */
export function decideBatch(rows: readonly FacilityRow[], matches: readonly RowMatch[], matched: Map<number, MatchedFactory>, brand: ListBrand | undefined, lookups: BatchLookups): Decision[] {
  const byName = new Map<string, NewFactory>();
  const byAddress = new Map<string, NewFactory>();
  const grid = new Map<string, NewFactory[]>();
  const cellOf = (latitude: number, longitude: number) => [Math.floor(latitude / CELL_DEGREES), Math.floor(longitude / CELL_DEGREES)] as const;

  // A similar name is the same site only with pins this close (match.ts).
  const alongside = (row: FacilityRow, site: { readonly latitude: number | null; readonly longitude: number | null }) =>
    row.latitude !== null && row.longitude !== null && site.latitude !== null && site.longitude !== null && distanceKm(row.latitude, row.longitude, site.latitude, site.longitude) <= SIMILAR_NAME_RADIUS_KM;
  const decided: Decision[] = [];

  const decide = (row: FacilityRow, index: number): Decision => {
    const { nameKey, addressKey, similarRows } = matches[index]!;
    // An os_id is the registry's own identity: when it matches, nothing else is asked.
    const byOsId = matches[index]!.candidates.filter((candidate) => candidate.matchedBy.includes("osId"));
    const possibleDuplicates: RowCandidate[] = [];
    // A factory found by its similar name alone is a candidate only when its pin is next to the row's.
    let candidates = (byOsId.length === 1 ? byOsId : matches[index]!.candidates).filter((candidate) => {
      if (candidate.matchedBy.some((reason) => reason !== "similarName") || alongside(row, candidate)) return true;
      possibleDuplicates.push({ slug: candidate.slug, matchedBy: candidate.matchedBy });
      return false;
    });
    const details = listedDetails(row, lookups);
    const pending = new Map<NewFactory, Set<MatchReason>>();
    const hit = (factory: NewFactory | undefined, reason: MatchReason) => {
      if (factory) pending.set(factory, (pending.get(factory) ?? new Set()).add(reason));
    };
    // Earlier rows of this batch with a similar name: the factory the first of them created.
    const similarNew = new Set<NewFactory>();
    for (const earlier of similarRows) {
      const decision = decided[earlier];
      if (decision?.kind === "new" || decision?.kind === "matched-new") similarNew.add(decision.factory);
    }
    for (const factory of similarNew) if (alongside(row, factory)) hit(factory, "similarName");
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
    // A factory the same name, address, pin or os_id points to is the row's: one that only
    // a similar name points to is then neither a rival (ambiguous) nor a possible duplicate.
    const onlySimilar = (reasons: Iterable<MatchReason>) => [...reasons].every((reason) => reason === "similarName");
    if (candidates.some((candidate) => !onlySimilar(candidate.matchedBy)) || [...pending.values()].some((reasons) => !onlySimilar(reasons))) {
      candidates = candidates.filter((candidate) => !onlySimilar(candidate.matchedBy));
      for (const [factory, reasons] of pending) if (onlySimilar(reasons)) pending.delete(factory);
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
      return { kind: "matched", factory, matchedBy: candidate.matchedBy, updated: fillIn(factory, row, brand, details) };
    }
    const [earlier] = [...pending];
    if (earlier) {
      const [factory, reasons] = earlier;
      // The address (and its key, which the factory is inserted with) of the first row that gives one.
      if (factory.address === null && row.address !== null) [factory.address, factory.addressKey] = [row.address, addressKey];
      if (factory.latitude === null && row.latitude !== null) [factory.latitude, factory.longitude] = [row.latitude, row.longitude];
      factory.sectors = union(factory.sectors, row.sectors);
      fillInDetails(factory, details);
      return { kind: "matched-new", factory, matchedBy: [...reasons].sort() };
    }

    for (const factory of similarNew) if (!pending.has(factory)) possibleDuplicates.push({ slug: `(line ${factory.row.line} of this list)`, matchedBy: ["similarName"] });
    const factory: NewFactory = { row, nameKey, addressKey, address: row.address, latitude: row.latitude, longitude: row.longitude, sectors: [...row.sectors], ...details };
    byName.set(`${row.countryCode}|${nameKey}`, factory);
    if (addressKey) byAddress.set(`${row.countryCode}|${addressKey}`, factory);
    if (row.latitude !== null && row.longitude !== null) {
      const key = cellOf(row.latitude, row.longitude).join("|");
      grid.set(key, [...(grid.get(key) ?? []), factory]);
    }
    return { kind: "new", factory, possibleDuplicates };
  };
  return rows.map((row, index) => (decided[index] = decide(row, index)));
}

function matchedFactory(candidate: Candidate): MatchedFactory {
  const { address, latitude, longitude, ownership, operatorBrandId, supplierGroupId, osId, workforce, workforceYear, lineWorkers, femaleWorkersPercent, migrantWorkersPercent, workerFiguresYear } = candidate;
  return {
    before: candidate,
    address,
    latitude,
    longitude,
    sectors: [...candidate.sectors],
    roles: [...candidate.roles],
    supplierGroupId,
    osId,
    workforce,
    workforceYear,
    lineWorkers,
    femaleWorkersPercent,
    migrantWorkersPercent,
    workerFiguresYear,
    ownership,
    operatorBrandId,
    changed: new Set(),
  };
}

/** The row's details as the factory would hold them: worker figures dated by the list's year. */
function listedDetails(row: FacilityRow, lookups: BatchLookups): ListedDetails {
  const { total, line, femalePercent, migrantPercent } = row.workers;
  const figures = line !== null || femalePercent !== null || migrantPercent !== null;
  return {
    roles: [...row.roles],
    supplierGroupId: row.supplierGroup === null ? null : (lookups.supplierGroupIds.get(row.supplierGroup) ?? null),
    osId: row.osId,
    workforce: total,
    workforceYear: total === null ? null : lookups.workersYear,
    lineWorkers: line,
    femaleWorkersPercent: femalePercent,
    migrantWorkersPercent: migrantPercent,
    workerFiguresYear: figures ? lookups.workersYear : null,
  };
}

/**
 * Fills in the details the factory lacks; returns the fields it filled. Worker figures
 * go together with their year: a factory that holds figures of another year keeps them.
 */
function fillInDetails(factory: ListedDetails, details: ListedDetails): string[] {
  const filled: string[] = [];
  const roles = [...new Set([...factory.roles, ...details.roles])];
  if (roles.length > factory.roles.length) {
    factory.roles = roles;
    filled.push("roles");
  }
  if (factory.supplierGroupId === null && details.supplierGroupId !== null) {
    factory.supplierGroupId = details.supplierGroupId;
    filled.push("supplierGroup");
  }
  if (factory.osId === null && details.osId !== null) {
    factory.osId = details.osId;
    filled.push("osId");
  }
  if (factory.workforce === null && details.workforce !== null) {
    [factory.workforce, factory.workforceYear] = [details.workforce, details.workforceYear];
    filled.push("workforce", "workforceYear");
  }
  if (factory.workerFiguresYear === null && details.workerFiguresYear !== null) {
    factory.lineWorkers = details.lineWorkers;
    factory.femaleWorkersPercent = details.femaleWorkersPercent;
    factory.migrantWorkersPercent = details.migrantWorkersPercent;
    factory.workerFiguresYear = details.workerFiguresYear;
    filled.push(...WORKER_FIGURES.filter((field) => details[field] !== null), "workerFiguresYear");
  }
  return filled;
}

const WORKER_FIGURES = ["lineWorkers", "femaleWorkersPercent", "migrantWorkersPercent"] as const;

/** The details the row states that the factory holds the same way (its citation supports them). */
function supportedDetails(factory: ListedDetails, details: ListedDetails): string[] {
  const supports: string[] = [];
  if (details.roles.length > 0 && details.roles.every((role) => factory.roles.includes(role))) supports.push("roles");
  if (details.supplierGroupId !== null && factory.supplierGroupId === details.supplierGroupId) supports.push("supplierGroup");
  if (details.osId !== null && factory.osId === details.osId) supports.push("osId");
  if (details.workforce !== null && factory.workforce === details.workforce && factory.workforceYear === details.workforceYear) supports.push("workforce", "workforceYear");
  if (details.workerFiguresYear !== null && factory.workerFiguresYear === details.workerFiguresYear) {
    supports.push(...WORKER_FIGURES.filter((field) => details[field] !== null && factory[field] === details[field]), "workerFiguresYear");
  }
  return supports;
}

/**
 * Fills what the matched factory lacks from the row (never overwrites what the graph
 * holds: a curator's value or another list's stays), and works out which of the row's
 * fields the factory now agrees with: those its citation `supports`.
 */
function fillIn(factory: MatchedFactory, row: FacilityRow, brand: ListBrand | undefined, details: ListedDetails): string[] {
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
  updated.push(...fillInDetails(factory, details));
  for (const field of updated) factory.changed.add(field);
  if (!factory.citedBy) {
    factory.citedBy = row;
    factory.supports = [...supportedFields(factory, row, brand), ...supportedDetails(factory, details)];
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
  const { roles, supplierGroupId, osId, workforce, workerFiguresYear } = factory;
  return [
    "name",
    "country",
    ...(factory.address !== null ? ["address"] : []),
    ...(factory.latitude !== null ? ["latitude", "longitude"] : []),
    ...(factory.sectors.length > 0 ? ["sectors"] : []),
    "status",
    ...(brand ? ["ownership"] : []),
    ...(brand?.relation === "OWNED" ? ["operatorBrand"] : []),
    ...(roles.length > 0 ? ["roles"] : []),
    ...(supplierGroupId !== null ? ["supplierGroup"] : []),
    ...(osId !== null ? ["osId"] : []),
    ...(workforce !== null ? ["workforce", "workforceYear"] : []),
    ...(workerFiguresYear !== null ? [...WORKER_FIGURES.filter((field) => factory[field] !== null), "workerFiguresYear"] : []),
  ];
}

function union(known: readonly string[], more: readonly string[]): string[] {
  const result = [...known];
  for (const sector of more) if (!result.some((s) => s.toLowerCase() === sector.toLowerCase())) result.push(sector);
  return result;
}
