import type { SourceKind } from "../generated/prisma/enums.ts";
import type { SqlConnection } from "../sql-connection.ts";
import type { DataProblem } from "./problem.ts";

/** What the other checks need to know of each source. */
export interface CheckedSource {
  readonly slug: string;
  readonly kind: SourceKind;
  readonly url: string | null;
  readonly text: string | null;
}

/** Every source by id, texts included (few sources keep one). */
export async function readSources(sql: SqlConnection): Promise<Map<number, CheckedSource>> {
  const rows = await sql.query<CheckedSource & { id: number }>(`SELECT id, slug, kind::text AS kind, url, text FROM "Source"`);
  return new Map(rows.map(({ id, ...source }) => [id, source]));
}

/** A news story is dated: when a thing was reported is part of what it says. */
export async function checkSources(sql: SqlConnection): Promise<DataProblem[]> {
  const undated = await sql.query<{ slug: string }>(`SELECT slug FROM "Source" WHERE kind = 'NEWS' AND "publishedOn" IS NULL ORDER BY slug`);
  return undated.map(({ slug }) => ({
    record: `source ${slug}`,
    field: "publishedOn",
    message: "is missing: a NEWS source carries the date it was published",
  }));
}
