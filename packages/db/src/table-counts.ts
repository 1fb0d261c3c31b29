import type { SqlConnection } from "./sql-connection.ts";

/**
 * Row counts of every application table (Prisma's migration history excluded), for
 * summaries and for tests that prove a failed write changed nothing.
 */
export async function tableCounts(sql: SqlConnection): Promise<Record<string, number>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
      ORDER BY tablename`,
  );
  if (tables.length === 0) return {};
  const selects = tables.map(
    ({ name }) => `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::int AS rows FROM "${name.replace(/"/g, '""')}"`,
  );
  const rows = await sql.query<{ name: string; rows: number }>(selects.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.name, r.rows]));
}
