import type { SqlConnection } from "./sql-connection.ts";

/**
 * The write generation (table "WriteGeneration"): which state of the data an answer
 * was computed from. Writes that record changes bump it by trigger; what writes without
 * recording a change (seed, migrations) bumps it here, in its own transaction or after.
 */
export async function bumpWriteGeneration(sql: Pick<SqlConnection, "query">): Promise<void> {
  await sql.query(`UPDATE "WriteGeneration" SET "value" = "value" + 1`);
}

/** Reads the generation as one opaque token: `<epoch>.<value>` (never goes back, new with every database). */
export async function readWriteGeneration(sql: { query(text: string): Promise<{ rows: { token: string }[] }> }): Promise<string> {
  const { rows } = await sql.query(`SELECT replace("epoch"::text, '-', '') || '.' || "value" AS token FROM "WriteGeneration"`);
  return rows[0]?.token ?? "none";
}
