import type { Readable } from "node:stream";
import type pg from "pg";
import type { Ownership } from "../generated/prisma/enums.ts";
import { recordBatchChanges, type BatchPlace } from "./batch-audit.ts";
import { decideBatch, type Decision, type ListBrand, type MatchedFactory, type NewFactory } from "./batch.ts";
import { closeDisclosure, openDisclosure, relateListed, type DisclosureSummary, type ListedRelation } from "./disclosure.ts";
import { layoutFromMapping, layoutNamed, LAYOUT_NAMES, type Layout } from "./layouts/index.ts";
import { EMPTY_SUMMARY, ensureRun, failRun, finishRun, openRun, recordBatch, type ImportRun, type RunKey } from "./import-run.ts";
import { findCandidates } from "./match.ts";
import { FacilityListError, type FacilityListReport, type RowOutcome } from "./outcome.ts";
import { readFacilityList, type ListHeader } from "./read-list.ts";
import { UnreadableWorkbookError } from "./read-workbook.ts";
import { readFacilityRow, type FacilityRow, type RowReading } from "./row.ts";
import { freeSlugs } from "./slugs.ts";
import { supplierGroupIds } from "./supplier-groups.ts";
import { writeBatch, type ListContext } from "./write.ts";

export interface FacilityListImport {
  /** The database's pool: the import holds one connection for its transactions. */
  readonly pool: pg.Pool;
  /** The list: CSV (streamed), .xlsx or .xls (told apart by their first bytes). */
  readonly input: Readable;
  /** Slug of the Source the list is (cited by every factory it names). */
  readonly source: string;
  /** Slug of the brand whose list it is, with the relation it states for every row. */
  readonly brand?: string | undefined;
  readonly relation?: Ownership | undefined;
  /** The date the list holds as of (YYYY-MM-DD); else the date a title row gives, the source's, or today. */
  readonly asOf?: string | undefined;
  /** Force a layout (`manufacturing-map`, `open-supply-hub`, `contributor-csv`) instead of detecting it. */
  readonly layout?: string | undefined;
  /** Any other layout: our field ← their column (`--columns mapping.json`). */
  readonly columns?: unknown;
  /** Import only rows of this product type (e.g. "footwear"); the others are reported as skipped. */
  readonly sector?: string | undefined;
  /**
   * The API token the audit trail records, or a function that finds (or creates) it on
   * the import's own connection (for a dry run inside its transaction): the command
   * line's actor, so that a dry run leaves not even that row behind.
   */
  readonly tokenId: number | ((client: pg.PoolClient) => Promise<number>);
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
  /** After every committed batch: rows of the file done (an earlier run's included), bytes read, batches committed. */
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
 * transaction together with the run's progress (an `ImportRun` row) and one audit
 * record. An error stops the import after its last committed batch; importing the same
 * file again continues from there. A brand's disclosure is closed (relations no longer
 * listed end) in a last transaction with the run's end. A dry run is one transaction,
 * rolled back. Rows that cannot be imported are outcomes, not errors: the rest is imported.
 */
export async function importFacilityList(options: FacilityListImport): Promise<FacilityListReport> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  if ((options.brand === undefined) !== (options.relation === undefined)) {
    throw new FacilityListError("A brand and its relation go together: give both (--brand SLUG --relation contract|owned) or neither.", "INVALID_OPTIONS", options.brand === undefined ? "brand" : "relation");
  }
  const layout = layoutOf(options);
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new FacilityListError(`--as-of must be a date, YYYY-MM-DD (not "${options.asOf}").`, "INVALID_OPTIONS", "asOf");
  const sector = options.sector?.trim().toLowerCase() || undefined;
  const client = await options.pool.connect();
  let locked = false;
  let open = false;
  let run: ImportRun | undefined;
  // The batch being written while the next one is read (see `flush`).
  let writing: Promise<void> | undefined;
  // A dry run is one transaction; an import, one per batch. SET LOCAL lasts one.
  const begin = async () => {
    await client.query("BEGIN");
    open = true;
    // The factories an import creates are invisible to the planner's statistics until
    // the next ANALYZE, so it could take a table of thousands for a table of seven and
    // scan it for every row. Every statement here has its index.
    //
    // No JIT: the pools solegraph opens run without it already (sql-connection.ts); a
    // caller's own pool may not. The match statement's estimated cost (a few probes per
    // row of 2,000) is past jit_above_cost: on a connection with JIT, compiling it took
    // 80 ms of each batch at 1M factories, to run index probes of microseconds.
    //
    // The factories this transaction inserts carry the keys the match statement
    // computed (write.ts): the key trigger keeps them.
    //
    // set_config(..., true) is SET LOCAL: one statement for the three, once per batch.
    await client.query(
      `SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), set_config('solegraph.factory_keys_given', 'on', true)`,
    );
  };
  const commit = async () => {
    // Deferred checks (every factory keeps a citation) as a statement of the
    // transaction, so a refusal rolls back like any other error.
    await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    await client.query(dryRun ? "ROLLBACK" : "COMMIT");
    open = false;
  };
  try {
    // A session lock, held across the batches' transactions.
    await client.query("SELECT pg_advisory_lock($1)", [IMPORT_LOCK_KEY]);
    locked = true;
    // A dry run is one transaction from here: even the command line's actor, if it is
    // created, is rolled back.
    if (dryRun) await begin();
    const found = await listContext(client, options);
    const known = new Set((await client.query<{ code: string }>(`SELECT code FROM "Country"`)).rows.map((row) => row.code));
    const brands = await brandsByName(client);
    const key: RunKey = {
      sourceId: found.source.id,
      brandId: found.brand?.id ?? null,
      relation: found.brand?.relation ?? null,
      fingerprint: dryRun ? null : (options.fingerprint ?? null),
      tokenId: found.tokenId,
    };
    run = await openRun(client, key);
    const current = run;

    const summary = current.summary;
    let header: ListHeader | undefined;
    let context: ListContext | undefined;
    let bytes = 0;
    let records = 0;
    let batch: RowReading[] = [];
    // The list's date is known once its header (and any title row) has been read.
    const listOpened = async (): Promise<ListContext> => {
      checkHeader(header);
      const asOf = options.asOf ?? header.listDate ?? found.sourceDate ?? (await client.query<{ today: string }>("SELECT current_date::text AS today")).rows[0]!.today;
      const disclosure = found.brand !== undefined;
      if (found.brand) await openDisclosure(client, found.brand, found.source, asOf);
      const brandsOf = (row: FacilityRow): readonly ListBrand[] => {
        if (!found.brand) return [];
        const named = row.brands.flatMap((name) => brands.get(name.toLowerCase()) ?? []);
        return named.length > 0 ? [...new Map(named.map((b) => [b.id, { ...b, relation: found.brand!.relation }])).values()] : [found.brand];
      };
      return { client, source: found.source, brand: found.brand, tokenId: found.tokenId, asOf, disclosure, brandsOf };
    };
    // Writes one batch: called with what was read up to its last record (the reader
    // goes on while it is written).
    const write = async (readings: readonly RowReading[], read: { readonly records: number; readonly bytes: number }) => {
      const lines: [number, number] = [lineOf(readings[0]!), lineOf(readings[readings.length - 1]!)];
      if (!dryRun) await begin();
      context ??= await listOpened();
      current.id = await ensureRun(client, key, current);
      const written = await processBatch(context, { runId: current.id, batch: current.batches + 1, lines }, readings, sector);
      const counts = { ...summary };
      counts.updated += written.updated;
      counts.citationsAdded += written.citationsAdded;
      counts.brandRelationsAdded += written.brandRelationsAdded;
      counts.changes += written.changes;
      for (const outcome of written.outcomes) {
        counts.rows++;
        counts[outcome.outcome]++;
        if (outcome.possibleDuplicates) counts.possibleDuplicates++;
      }
      if (!dryRun) {
        await recordBatch(client, current.id, { rowsDone: read.records, lastLine: lines[1], batches: current.batches + 1, summary: counts });
        await commit();
      }
      Object.assign(summary, counts);
      current.rowsDone = read.records;
      current.batches++;
      for (const outcome of written.outcomes) options.onOutcome?.(outcome);
      options.onProgress?.({ rows: summary.rows, bytes: read.bytes, batches: current.batches });
    };
    // Batches are written one at a time and in order on the import's connection (each
    // matches against the factories the ones before it committed), but the next batch is
    // read, parsed and checked while this one is written: CSV parsing and the database's
    // work overlap instead of taking turns.
    const flush = async () => {
      if (batch.length === 0) return;
      const readings = batch;
      batch = [];
      const read = { records, bytes };
      await writing;
      writing = write(readings, read);
      // Awaited by the next flush or the end; until then a failure must not be an
      // unhandled rejection while the reader goes on.
      writing.catch(() => {});
    };

    try {
      for await (const record of readFacilityList(options.input, { layout }, (h) => (header = h), (p) => (bytes = p.bytes))) {
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
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) throw new FacilityListError(`The file is not a list solegraph can read: ${error.message}.`, "INVALID_LIST", "file");
      throw error;
    }
    checkHeader(header);
    await flush();
    await writing;

    // The last transaction: the disclosure's close (its audit record with it) and the run's end.
    if (!dryRun) await begin();
    context ??= await listOpened();
    let disclosure: DisclosureSummary | null = null;
    if (found.brand) {
      current.id = await ensureRun(client, key, current);
      const closed = await closeDisclosure(context, current.id, found.brand);
      summary.changes += await recordBatchChanges(context, { runId: current.id, batch: current.batches + 1, lines: [0, 0] }, { ended: closed.ended });
      disclosure = { asOf: closed.asOf, factoryCount: closed.factoryCount, added: closed.added, dropped: closed.dropped };
    }
    if (!dryRun) await finishRun(client, current);
    await commit();
    return {
      committed: !dryRun,
      dryRun,
      source: found.source.slug,
      brand: found.brand?.slug ?? null,
      relation: found.brand?.relation ?? null,
      format: header.format,
      layout: header.layout,
      asOf: context.asOf,
      disclosure,
      columns: { read: Object.entries(header.positions).sort((a, b) => a[1] - b[1]).map(([field]) => field), ignored: header.ignored },
      summary: { ...summary },
      run: { id: dryRun ? null : (current.id ?? null), batches: current.batches, resumedAfterLine: current.resumedAfterLine },
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    // A batch still being written finishes (or fails) before its transaction is ended.
    await writing?.catch(() => {});
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

/** The source and brand the options name, as the import needs them. */
interface FoundList {
  readonly source: { readonly id: number; readonly slug: string; readonly url: string | null };
  readonly sourceDate: string | undefined;
  readonly brand: ListBrand | undefined;
  /** The audit trail's token, found on the import's connection (see `FacilityListImport.tokenId`). */
  readonly tokenId: number;
}

async function listContext(client: pg.PoolClient, options: FacilityListImport): Promise<FoundList> {
  const source = (
    await client.query<{ id: number; slug: string; url: string | null; date: string | null }>(
      `SELECT id, slug, url, coalesce("asOf", "publishedOn")::text AS date FROM "Source" WHERE slug = $1`,
      [options.source],
    )
  ).rows[0];
  if (!source) throw new FacilityListError(`No source is named "${options.source}": create it first (createSource, kind FACILITY_LIST).`, "NOT_FOUND", "source");
  let brand: ListBrand | undefined;
  if (options.brand !== undefined) {
    const row = (await client.query<{ id: number; slug: string }>(`SELECT id, slug FROM "Brand" WHERE slug = $1`, [options.brand])).rows[0];
    if (!row) throw new FacilityListError(`No brand is named "${options.brand}".`, "NOT_FOUND", "brand");
    brand = { ...row, relation: options.relation! };
  }
  const tokenId = typeof options.tokenId === "number" ? options.tokenId : await options.tokenId(client);
  return { source: { id: source.id, slug: source.slug, url: source.url }, sourceDate: source.date ?? undefined, brand, tokenId };
}

/** Brands by lower-case name and slug: a row's brands column names them ("Converse" in Nike's list). */
async function brandsByName(client: pg.PoolClient): Promise<Map<string, { id: number; slug: string }>> {
  const { rows } = await client.query<{ id: number; slug: string; name: string }>(`SELECT id, slug, name FROM "Brand"`);
  const byName = new Map<string, { id: number; slug: string }>();
  for (const row of rows) {
    byName.set(row.name.toLowerCase(), { id: row.id, slug: row.slug });
    byName.set(row.slug, { id: row.id, slug: row.slug });
  }
  return byName;
}

function layoutOf(options: FacilityListImport): Layout | undefined {
  if (options.layout !== undefined && options.columns !== undefined) throw new FacilityListError("Give a layout or a columns mapping, not both.", "INVALID_OPTIONS", "layout");
  if (options.columns !== undefined) return layoutFromMapping(options.columns);
  if (options.layout === undefined) return undefined;
  const layout = layoutNamed(options.layout);
  if (!layout) throw new FacilityListError(`--layout must be one of ${LAYOUT_NAMES.join(", ")} (not "${options.layout}").`, "INVALID_OPTIONS", "layout");
  return layout;
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function checkHeader(header: ListHeader | undefined): asserts header is ListHeader {
  if (!header || Object.keys(header.positions).length === 0) {
    throw new FacilityListError("The file is empty or has no header row solegraph recognises (country,name,address,sector,lat,lng; a manufacturing map's or Open Supply Hub's; or give --columns).", "INVALID_LIST", "file");
  }
  const missing = (["country", "name"] as const).filter((column) => header.positions[column] === undefined);
  if (missing.length > 0) throw new FacilityListError(`The header has no ${missing.map((c) => `"${c}"`).join(" or ")} column (expected country,name,address,sector,lat,lng).`, "INVALID_LIST", "file");
}

/** True when the row is of the sector the import is limited to (`--sector`), or there is no limit. */
function inSector(row: FacilityRow, sector: string | undefined): boolean {
  return sector === undefined || row.sectors.some((s) => s.toLowerCase() === sector);
}

/** Matches, decides and writes one batch; returns its rows' outcomes in line order. */
async function processBatch(context: ListContext, place: BatchPlace & { runId: number }, readings: readonly RowReading[], sector: string | undefined) {
  const rows = readings.filter((r): r is Extract<RowReading, { ok: true }> => r.ok && inSector(r.row, sector)).map((r) => r.row);
  const matches = rows.length > 0 ? await findCandidates(context.client, rows) : [];
  const matched = new Map<number, MatchedFactory>();
  const groups = await supplierGroupIds(context.client, rows.flatMap((row) => (row.supplierGroup ? [row.supplierGroup] : [])));
  const decisions = decideBatch(rows, matches, matched, context.brand, { supplierGroupIds: groups, workersYear: Number(context.asOf.slice(0, 4)) });
  const created = decisions.flatMap((d) => (d.kind === "new" ? [d.factory] : []));
  // Slugs of earlier batches are in the database (this transaction sees them): only
  // this batch's need remembering, so memory does not grow with the list.
  const slugs = await freeSlugs(context.client, created.map((f) => f.row), new Set());
  created.forEach((factory, index) => (factory.slug = slugs[index]!));
  const written = await writeBatch(context, created, [...matched.values()]);
  const related = await relateListed(context, place.runId, rows.flatMap((row, index) => listedRelations(context, row, decisions[index]!)));
  const changes = await recordBatchChanges(context, place, { created: written.created, filledIn: written.filledIn, cited: written.cited, related: related.related });

  const byRow = new Map<FacilityRow, Decision>(rows.map((row, index) => [row, decisions[index]!]));
  const outcomes = readings.map((reading): RowOutcome => {
    if (!reading.ok) return { line: reading.line, outcome: "rejected", reason: reading.reason };
    const { row } = reading;
    if (!inSector(row, sector)) return { line: row.line, outcome: "skipped", reason: `not a ${sector} row (sectors: ${row.sectors.join(", ") || "none"})` };
    const notes = row.notes.length > 0 ? { notes: row.notes } : {};
    const decision = byRow.get(row)!;
    switch (decision.kind) {
      case "new":
        return { line: row.line, outcome: "created", factory: ref(decision.factory), ...(decision.possibleDuplicates.length > 0 && { possibleDuplicates: decision.possibleDuplicates }), ...notes };
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
  return {
    outcomes,
    updated: [...matched.values()].filter((f) => f.changed.size > 0).length,
    citationsAdded: written.citationsAdded,
    brandRelationsAdded: related.added,
    changes,
  };
}

/** The brand relations a decided row states: none for an ambiguous row, or a list without a brand. */
function listedRelations(context: ListContext, row: FacilityRow, decision: Decision): ListedRelation[] {
  if (decision.kind === "ambiguous") return [];
  const factoryId = decision.kind === "matched" ? decision.factory.before.id : decision.factory.id!;
  const created = decision.kind !== "matched";
  return context.brandsOf(row).map((brand) => ({ brandId: brand.id, brandSlug: brand.slug, relation: brand.relation, factoryId, created }));
}

function ref(factory: NewFactory): { id: number; slug: string } {
  return { id: factory.id!, slug: factory.slug! };
}
