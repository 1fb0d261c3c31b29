import type pg from "pg";
import type { Ownership } from "../generated/prisma/enums.ts";
import type { FacilityListSummary } from "./outcome.ts";

/** Counters of a run, kept in its row between batches. */
export type RunSummary = { -readonly [K in keyof FacilityListSummary]: FacilityListSummary[K] };

export const EMPTY_SUMMARY: Readonly<RunSummary> = { rows: 0, created: 0, matched: 0, updated: 0, ambiguous: 0, possibleDuplicates: 0, rejected: 0, skipped: 0, citationsAdded: 0, brandRelationsAdded: 0, changes: 0 };

/** What identifies a run: the list, the brand relation it states, and the file. */
export interface RunKey {
  readonly sourceId: number;
  readonly brandId: number | null;
  readonly relation: Ownership | null;
  /** SHA-256 of the file; without one, a run is never continued. */
  readonly fingerprint: string | null;
  readonly tokenId: number;
}

/** A run's row as the importer keeps it: `id` is undefined until its first batch commits. */
export interface ImportRun {
  id: number | undefined;
  /** Records of the file (rejected rows included) already committed by earlier batches. */
  rowsDone: number;
  batches: number;
  summary: RunSummary;
  /** Set when this import continues a run that stopped: the line it had reached. */
  readonly resumedAfterLine: number | null;
}

/**
 * The run this import continues (an unfinished one of the same list, brand relation and
 * file, newest first), or a new one that is written with the first batch, so a list
 * refused before any row commits leaves no run behind. Imports are serialised by an
 * advisory lock, so a RUNNING run found here is one whose process died.
 */
export async function openRun(client: pg.PoolClient, key: RunKey): Promise<ImportRun> {
  if (key.fingerprint !== null) {
    const { rows } = await client.query<{ id: number; rowsDone: number; lastLine: number; batches: number; summary: RunSummary }>(
      `SELECT id, "rowsDone", "lastLine", batches, summary FROM "ImportRun"
        WHERE "sourceId" = $1 AND fingerprint = $2 AND status IN ('RUNNING', 'FAILED')
          AND "brandId" IS NOT DISTINCT FROM $3::int AND relation IS NOT DISTINCT FROM $4::"Ownership"
        ORDER BY id DESC LIMIT 1`,
      [key.sourceId, key.fingerprint, key.brandId, key.relation],
    );
    const found = rows[0];
    if (found) {
      await client.query(`UPDATE "ImportRun" SET status = 'RUNNING', error = NULL, "updatedAt" = now() WHERE id = $1`, [found.id]);
      return { id: found.id, rowsDone: found.rowsDone, batches: found.batches, summary: { ...EMPTY_SUMMARY, ...found.summary }, resumedAfterLine: found.lastLine };
    }
  }
  return { id: undefined, rowsDone: 0, batches: 0, summary: { ...EMPTY_SUMMARY }, resumedAfterLine: null };
}

/**
 * The run's row, written inside the first batch's transaction: a list refused before
 * any row commits leaves no run behind.
 */
export async function ensureRun(client: pg.PoolClient, key: RunKey, run: ImportRun): Promise<number> {
  if (run.id !== undefined) return run.id;
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "ImportRun" ("sourceId", "brandId", relation, fingerprint, "tokenId", summary, "updatedAt")
     VALUES ($1, $2, $3::"Ownership", $4, $5, $6::jsonb, now()) RETURNING id`,
    [key.sourceId, key.brandId, key.relation, key.fingerprint, key.tokenId, JSON.stringify(run.summary)],
  );
  return rows[0]!.id;
}

/** Records a batch's progress inside the batch's transaction: both commit or neither. */
export async function recordBatch(client: pg.PoolClient, runId: number, progress: { rowsDone: number; lastLine: number; batches: number; summary: RunSummary }): Promise<void> {
  await client.query(
    `UPDATE "ImportRun" SET "rowsDone" = $2, "lastLine" = $3, batches = $4, summary = $5::jsonb, "updatedAt" = now() WHERE id = $1`,
    [runId, progress.rowsDone, progress.lastLine, progress.batches, JSON.stringify(progress.summary)],
  );
}

/** Marks the run done (its own statement: every batch has committed). */
export async function finishRun(client: pg.PoolClient, run: ImportRun): Promise<void> {
  if (run.id === undefined) return;
  await client.query(`UPDATE "ImportRun" SET status = 'COMPLETED', summary = $2::jsonb, "finishedAt" = now(), "updatedAt" = now() WHERE id = $1`, [run.id, JSON.stringify(run.summary)]);
}

/** Marks the run stopped by an error: importing the same file again continues it. */
export async function failRun(client: pg.PoolClient, run: ImportRun, error: unknown): Promise<void> {
  if (run.id === undefined) return;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await client.query(`UPDATE "ImportRun" SET status = 'FAILED', error = $2, "updatedAt" = now() WHERE id = $1`, [run.id, message]);
}
