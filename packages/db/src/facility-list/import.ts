import type { Readable } from "node:stream";
import type pg from "pg";
import type { Ownership } from "../generated/prisma/enums.ts";
import { decideBatch, type Decision, type ListBrand, type MatchedFactory, type NewFactory } from "./batch.ts";
import { EMPTY_SUMMARY, ensureRun, failRun, finishRun, openRun, recordBatch, type ImportRun, type RunKey } from "./import-run.ts";
import { findCandidates } from "./match.ts";
import { FacilityListError, type FacilityListReport, type RowOutcome } from "./outcome.ts";
import { readFacilityList, type ListHeader } from "./read-csv.ts";
import { readFacilityRow, type FacilityRow, type RowReading } from "./row.ts";
import { freeSlugs } from "./slugs.ts";
import { writeBatch, type BatchPlace, type ListContext } from "./write.ts";

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
  /** The API token the audit trail records. */
  readonly tokenId: number;
  /** Decide and write everything in one transaction, then roll back: the outcomes say what an import would do. */
  readonly dryRun?: boolean | undefined;
  /**
   * SHA-256 of the file (`fingerprintOf`): an unfinished run of the same list, brand
   * relation and file is continued after its last committed batch. Without it every
   * import starts from the first row (which changes nothing the list already did).
   */
  readonly fingerprint?: string | undefined;
  /** Rows per batch: decided, written and committed together (default 2,000). */
  readonly batchSize?: number | undefined;
  /** Each row's outcome, in line order, once its batch has committed (dry run: decided). */
  readonly onOutcome?: ((outcome: RowOutcome) => void) | undefined;
  /** After every committed batch: rows of the file done (an earlier run's included) and bytes read. */
  readonly onProgress?: ((progress: { rows: number; bytes: number; batches: number }) => void) | undefined;
}

/** Imports never run side by side: each sees the factories the previous one created. */
const IMPORT_LOCK_KEY = 715_015;
/** Rows decided, written and committed together: a few set-based statements each. */
const DEFAULT_BATCH_SIZE = 2_000;

/**
 * Imports a facility list in batches: rows are read as a stream (memory stays flat
 * whatever the file's size), matched against the graph through its indexes, and each
 * batch is written with a few set-based statements and committed in its own
 * transaction together with the run's progress (an `ImportRun` row). An error stops
 * the import after its last committed batch; importing the same file again continues
 * from there. A dry run is one transaction, rolled back. Rows that cannot be imported
 * are outcomes, not errors: the rest is imported.
 */
export async function importFacilityList(options: FacilityListImport): Promise<FacilityListReport> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  if ((options.brand === undefined) !== (options.relation === undefined)) {
    throw new FacilityListError("A brand and its relation go together: give both (--brand SLUG --relation contract|owned) or neither.", "INVALID_OPTIONS", options.brand === undefined ? "brand" : "relation");
  }
  const client = await options.pool.connect();
  let locked = false;
  let open = false;
  let run: ImportRun | undefined;
  try {
    // A session lock, held across the batches' transactions.
    await client.query("SELECT pg_advisory_lock($1)", [IMPORT_LOCK_KEY]);
    locked = true;
    const context = await listContext(client, options);
    const known = new Set((await client.query<{ code: string }>(`SELECT code FROM "Country"`)).rows.map((row) => row.code));
    const key: RunKey = {
      sourceId: context.source.id,
      brandId: context.brand?.id ?? null,
      relation: context.brand?.relation ?? null,
      fingerprint: options.fingerprint ?? null,
      tokenId: options.tokenId,
    };
    run = dryRun ? { id: undefined, rowsDone: 0, batches: 0, summary: { ...EMPTY_SUMMARY }, resumedAfterLine: null } : await openRun(client, key);
    const current = run;
    if (dryRun) {
      await client.query("BEGIN");
      open = true;
      await client.query("SET LOCAL enable_seqscan = off");
    }

    const summary = current.summary;
    let header: ListHeader | undefined;
    let bytes = 0;
    let records = 0;
    let batch: RowReading[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const readings = batch;
      batch = [];
      const lines: [number, number] = [lineOf(readings[0]!), lineOf(readings[readings.length - 1]!)];
      if (!dryRun) {
        await client.query("BEGIN");
        open = true;
        // The factories an import creates are invisible to the planner's statistics
        // until the next ANALYZE, so it could take a table of thousands for a table of
        // seven and scan it for every row. Every statement here has its index.
        await client.query("SET LOCAL enable_seqscan = off");
      }
      const runId = dryRun ? null : await ensureRun(client, key, current);
      const written = await processBatch(context, { runId, batch: current.batches + 1, lines }, readings);
      const counts = { ...summary };
      counts.updated += written.updated;
      counts.citationsAdded += written.citationsAdded;
      counts.brandRelationsAdded += written.brandRelationsAdded;
      counts.changes += written.changes;
      for (const outcome of written.outcomes) {
        counts.rows++;
        counts[outcome.outcome]++;
      }
      if (!dryRun) {
        await recordBatch(client, runId!, { rowsDone: records, lastLine: lines[1], batches: current.batches + 1, summary: counts });
        // Deferred checks (every factory keeps a citation) as a statement of the
        // transaction, so a refusal rolls the batch back like any other error.
        await client.query("SET CONSTRAINTS ALL IMMEDIATE");
        await client.query("COMMIT");
        open = false;
        current.id = runId!;
      }
      Object.assign(summary, counts);
      current.rowsDone = records;
      current.batches++;
      for (const outcome of written.outcomes) options.onOutcome?.(outcome);
      options.onProgress?.({ rows: summary.rows, bytes, batches: current.batches });
    };

    for await (const record of readFacilityList(options.input, (h) => (header = h), (p) => (bytes = p.bytes))) {
      records++;
      // Continuing a run: its committed records are skipped (the file is the same one).
      if (records <= current.rowsDone) continue;
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

    if (dryRun) {
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      await client.query("ROLLBACK");
      open = false;
    } else {
      await finishRun(client, current);
    }
    return {
      committed: !dryRun,
      dryRun,
      source: context.source.slug,
      brand: context.brand?.slug ?? null,
      relation: context.brand?.relation ?? null,
      columns: { read: Object.keys(header!.positions), ignored: header!.ignored },
      summary: { ...summary },
      run: { id: current.id ?? null, batches: current.batches, resumedAfterLine: current.resumedAfterLine },
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (open) await client.query("ROLLBACK").catch(() => {});
    open = false;
    if (run && !dryRun) await failRun(client, run, error).catch(() => {});
    throw error;
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1)", [IMPORT_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

function lineOf(reading: RowReading): number {
  return reading.ok ? reading.row.line : reading.line;
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
  return { client, source, brand, tokenId: options.tokenId };
}

function checkHeader(header: ListHeader | undefined): asserts header is ListHeader {
  if (!header || Object.keys(header.positions).length === 0) throw new FacilityListError("The file is empty or its first line is not a header (country,name,address,sector,lat,lng).", "INVALID_LIST", "file");
  const missing = (["country", "name"] as const).filter((column) => header.positions[column] === undefined);
  if (missing.length > 0) throw new FacilityListError(`The header has no ${missing.map((c) => `"${c}"`).join(" or ")} column (expected country,name,address,sector,lat,lng).`, "INVALID_LIST", "file");
}

/** Matches, decides and writes one batch; returns its rows' outcomes in line order. */
async function processBatch(context: ListContext, place: BatchPlace, readings: readonly RowReading[]) {
  const rows = readings.filter((r): r is Extract<RowReading, { ok: true }> => r.ok).map((r) => r.row);
  const matches = rows.length > 0 ? await findCandidates(context.client, rows) : [];
  const matched = new Map<number, MatchedFactory>();
  const decisions = decideBatch(rows, matches, matched, context.brand);
  const created = decisions.flatMap((d) => (d.kind === "new" ? [d.factory] : []));
  // Slugs of earlier batches are in the database (this transaction sees them): only
  // this batch's need remembering, so memory does not grow with the list.
  const slugs = await freeSlugs(context.client, created.map((f) => f.row), new Set());
  created.forEach((factory, index) => (factory.slug = slugs[index]!));
  const written = await writeBatch(context, place, created, [...matched.values()]);

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
