import type { Readable } from "node:stream";
import type pg from "pg";
import type { Ownership } from "../generated/prisma/enums.ts";
import { decideBatch, type Decision, type ListBrand, type MatchedFactory, type NewFactory } from "./batch.ts";
import { findCandidates } from "./match.ts";
import { FacilityListError, type FacilityListReport, type RowOutcome } from "./outcome.ts";
import { readFacilityList, type ListHeader } from "./read-csv.ts";
import { readFacilityRow, type FacilityRow, type RowReading } from "./row.ts";
import { freeSlugs } from "./slugs.ts";
import { writeBatch, type ListContext } from "./write.ts";

export interface FacilityListImport {
  /** The database's pool: the import holds one connection for its transaction. */
  readonly pool: pg.Pool;
  /** The CSV file, streamed. */
  readonly input: Readable;
  /** Slug of the Source the list is (cited by every factory it names). */
  readonly source: string;
  /** Slug of the brand whose list it is, with the relation it states for every row. */
  readonly brand?: string | undefined;
  readonly relation?: Ownership | undefined;
  /**
   * The API token the audit trail records, or a function that finds (or creates) it on
   * the import's own connection, inside its transaction: the command line's actor, so
   * that a dry run leaves not even that row behind.
   */
  readonly tokenId: number | ((client: pg.PoolClient) => Promise<number>);
  /** Decide and write everything, then roll back: the outcomes say what an import would do. */
  readonly dryRun?: boolean | undefined;
  /** Rows per batch of statements (default 500). */
  readonly batchSize?: number | undefined;
  /** Each row's outcome, in line order, as soon as its batch is decided. */
  readonly onOutcome?: ((outcome: RowOutcome) => void) | undefined;
  /** After every batch: rows read so far and bytes of the file read. */
  readonly onProgress?: ((progress: { rows: number; bytes: number }) => void) | undefined;
}

/** Imports never run side by side: each sees the factories the previous one created. */
const IMPORT_LOCK_KEY = 715_015;
/** Rows decided and written together. */
const DEFAULT_BATCH_SIZE = 500;

/**
 * Imports a facility list in ONE transaction: every row is read (streamed, so memory
 * stays flat whatever the file's size), matched against the graph, and written in
 * batches of set-based statements; the transaction commits at the end, or nothing
 * stays (an error anywhere, a refused list, a dry run). Rows that cannot be imported
 * are outcomes, not errors: the rest is imported.
 */
export async function importFacilityList(options: FacilityListImport): Promise<FacilityListReport> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  if ((options.brand === undefined) !== (options.relation === undefined)) {
    throw new FacilityListError("A brand and its relation go together: give both (--brand SLUG --relation contract|owned) or neither.", "INVALID_OPTIONS", options.brand === undefined ? "brand" : "relation");
  }
  const client = await options.pool.connect();
  let open = false;
  try {
    await client.query("BEGIN");
    open = true;
    await client.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
    // The factories this import creates are invisible to the planner's statistics until
    // the next ANALYZE, so it would take a table of thousands for a table of seven and
    // scan it for every row (seen: 700 rows/s on a second pass). Every lookup here has
    // its index.
    await client.query("SET LOCAL enable_seqscan = off");
    const context = await listContext(client, options);
    const known = new Set((await client.query<{ code: string }>(`SELECT code FROM "Country"`)).rows.map((row) => row.code));

    const summary = { rows: 0, created: 0, matched: 0, updated: 0, ambiguous: 0, rejected: 0, citationsAdded: 0, brandRelationsAdded: 0, changes: 0 };
    const emit = (outcome: RowOutcome) => {
      summary.rows++;
      summary[outcome.outcome]++;
      options.onOutcome?.(outcome);
    };
    let header: ListHeader | undefined;
    let bytes = 0;
    let batch: RowReading[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const readings = batch;
      batch = [];
      const written = await processBatch(context, readings);
      summary.updated += written.updated;
      summary.citationsAdded += written.citationsAdded;
      summary.brandRelationsAdded += written.brandRelationsAdded;
      summary.changes += written.changes;
      for (const outcome of written.outcomes) emit(outcome);
      options.onProgress?.({ rows: summary.rows, bytes });
    };

    for await (const record of readFacilityList(options.input, (h) => (header = h), (p) => (bytes = p.bytes))) {
      if (record.kind === "malformed") {
        batch.push({ ok: false, line: record.line, reason: record.reason });
      } else {
        checkHeader(header);
        batch.push(readFacilityRow(record, known));
      }
      if (batch.length >= (options.batchSize ?? DEFAULT_BATCH_SIZE)) await flush();
    }
    checkHeader(header);
    await flush();

    // Deferred checks (every factory keeps a citation) now, as a statement of the
    // transaction, so a refusal rolls back like any other error.
    await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    await client.query(dryRun ? "ROLLBACK" : "COMMIT");
    open = false;
    return {
      committed: !dryRun,
      dryRun,
      source: context.source.slug,
      brand: context.brand?.slug ?? null,
      relation: context.brand?.relation ?? null,
      columns: { read: Object.keys(header!.positions), ignored: header!.ignored },
      summary,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    if (open) await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

async function listContext(client: pg.PoolClient, options: FacilityListImport): Promise<ListContext> {
  const source = (await client.query<{ id: number; slug: string; url: string | null }>(`SELECT id, slug, url FROM "Source" WHERE slug = $1`, [options.source])).rows[0];
  if (!source) throw new FacilityListError(`No source is named "${options.source}": create it first (createSource, kind FACILITY_LIST).`, "NOT_FOUND", "source");
  let brand: ListBrand | undefined;
  if (options.brand !== undefined) {
    const row = (await client.query<{ id: number; slug: string }>(`SELECT id, slug FROM "Brand" WHERE slug = $1`, [options.brand])).rows[0];
    if (!row) throw new FacilityListError(`No brand is named "${options.brand}".`, "NOT_FOUND", "brand");
    brand = { ...row, relation: options.relation! };
  }
  const tokenId = typeof options.tokenId === "number" ? options.tokenId : await options.tokenId(client);
  return { client, source, brand, tokenId };
}

function checkHeader(header: ListHeader | undefined): asserts header is ListHeader {
  if (!header || Object.keys(header.positions).length === 0) throw new FacilityListError("The file is empty or its first line is not a header (country,name,address,sector,lat,lng).", "INVALID_LIST", "file");
  const missing = (["country", "name"] as const).filter((column) => header.positions[column] === undefined);
  if (missing.length > 0) throw new FacilityListError(`The header has no ${missing.map((c) => `"${c}"`).join(" or ")} column (expected country,name,address,sector,lat,lng).`, "INVALID_LIST", "file");
}

/** Matches, decides and writes one batch; returns its rows' outcomes in line order. */
async function processBatch(context: ListContext, readings: readonly RowReading[]) {
  const rows = readings.filter((r): r is Extract<RowReading, { ok: true }> => r.ok).map((r) => r.row);
  const matches = rows.length > 0 ? await findCandidates(context.client, rows) : [];
  const matched = new Map<number, MatchedFactory>();
  const decisions = decideBatch(rows, matches, matched, context.brand);
  const created = decisions.flatMap((d) => (d.kind === "new" ? [d.factory] : []));
  // Slugs of earlier batches are in the database (this transaction sees them): only
  // this batch's need remembering, so memory does not grow with the list.
  const slugs = await freeSlugs(context.client, created.map((f) => f.row), new Set());
  created.forEach((factory, index) => (factory.slug = slugs[index]!));
  const written = await writeBatch(context, created, [...matched.values()]);

  const byRow = new Map<FacilityRow, Decision>(rows.map((row, index) => [row, decisions[index]!]));
  const outcomes = readings.map((reading): RowOutcome => {
    if (!reading.ok) return { line: reading.line, outcome: "rejected", reason: reading.reason };
    const { row } = reading;
    const notes = row.notes.length > 0 ? { notes: row.notes } : {};
    const decision = byRow.get(row)!;
    switch (decision.kind) {
      case "new":
        return { line: row.line, outcome: "created", factory: ref(decision.factory), ...notes };
      case "matched-new":
        return { line: row.line, outcome: "matched", factory: ref(decision.factory), matchedBy: decision.matchedBy, reason: `the same facility as line ${decision.factory.row.line}`, ...notes };
      case "matched":
        return {
          line: row.line,
          outcome: "matched",
          factory: { id: decision.factory.before.id, slug: decision.factory.before.slug },
          matchedBy: decision.matchedBy,
          ...(decision.updated.length > 0 && { updated: decision.updated }),
          ...notes,
        };
      case "ambiguous":
        return { line: row.line, outcome: "ambiguous", candidates: decision.candidates, reason: `matches ${decision.candidates.length} different factories: nothing written for this row`, ...notes };
    }
  });
  return { outcomes, updated: [...matched.values()].filter((f) => f.changed.size > 0).length, ...written };
}

function ref(factory: NewFactory): { id: number; slug: string } {
  return { id: factory.id!, slug: factory.slug! };
}
