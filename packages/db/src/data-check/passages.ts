import { passageProblems } from "../rules/passages.ts";
import type { SqlConnection } from "../sql-connection.ts";
import { PAGE_SIZE, type DataProblem } from "./problem.ts";
import type { CheckedSource } from "./sources.ts";

/** The citation tables, the fact each cites, and how a reader names that fact. */
export const CITATION_TABLES = [
  { table: "BrandSource", key: "brandId", fact: "Brand", label: "brand" },
  { table: "SneakerModelSource", key: "modelId", fact: "SneakerModel", label: "model" },
  { table: "FactorySource", key: "factoryId", fact: "Factory", label: "factory" },
  { table: "ProductionSource", key: "productionId", fact: "Production", label: "production" },
  { table: "ProcessStepSource", key: "stepId", fact: "ProcessStep", label: "process step" },
] as const;

interface PassageRow {
  readonly record: string;
  readonly sourceId: number;
  readonly locator: string | null;
  readonly statement: string | null;
  readonly retrievedOn: string | null;
  readonly quote: string | null;
}

/** Every citation points at its passage, says what it states, and when it was read. */
export async function checkCitations(sql: SqlConnection, sources: ReadonlyMap<number, CheckedSource>, today: Date): Promise<DataProblem[]> {
  const problems: DataProblem[] = [];
  for (const { table, key, fact, label } of CITATION_TABLES) {
    let after = [0, 0];
    for (;;) {
      // Keyset pages along the primary key (fact, source).
      const rows = await sql.query<PassageRow & { factId: number }>(
        `SELECT $1 || ' ' || f.slug AS record, c."${key}" AS "factId", c."sourceId", c.locator, c.statement,
                c."retrievedOn"::text AS "retrievedOn", c.quote
           FROM "${table}" c JOIN "${fact}" f ON f.id = c."${key}"
          WHERE (c."${key}", c."sourceId") > ($2, $3)
          ORDER BY c."${key}", c."sourceId" LIMIT ${PAGE_SIZE}`,
        [label, ...after],
      );
      for (const row of rows) problems.push(...problemsOf(row, `citation ${sources.get(row.sourceId)!.slug}`, sources, today));
      if (rows.length < PAGE_SIZE) break;
      after = [rows.at(-1)!.factId, rows.at(-1)!.sourceId];
    }
  }
  return problems;
}

/** A claim, like a citation, points at the passage that makes it. */
export async function checkClaims(sql: SqlConnection, sources: ReadonlyMap<number, CheckedSource>, today: Date): Promise<DataProblem[]> {
  const problems: DataProblem[] = [];
  let after = 0;
  for (;;) {
    const rows = await sql.query<PassageRow & { id: number }>(
      `SELECT c.id, 'claim ' || c.id || ' (' || coalesce('brand ' || b.slug, 'model ' || m.slug, 'factory ' || f.slug, 'production ' || p.slug) || ')' AS record,
              c."sourceId", c.locator, c.statement, c."retrievedOn"::text AS "retrievedOn", c.quote
         FROM "Claim" c
         LEFT JOIN "Brand" b ON b.id = c."brandId" LEFT JOIN "SneakerModel" m ON m.id = c."modelId"
         LEFT JOIN "Factory" f ON f.id = c."factoryId" LEFT JOIN "Production" p ON p.id = c."productionId"
        WHERE c.id > $1 ORDER BY c.id LIMIT ${PAGE_SIZE}`,
      [after],
    );
    for (const row of rows) problems.push(...problemsOf(row, `source ${sources.get(row.sourceId)!.slug}`, sources, today));
    if (rows.length < PAGE_SIZE) break;
    after = rows.at(-1)!.id;
  }
  return problems;
}

function problemsOf(row: PassageRow, where: string, sources: ReadonlyMap<number, CheckedSource>, today: Date): DataProblem[] {
  const source = sources.get(row.sourceId)!;
  return passageProblems(row, source, today).map(({ field, message }) => ({ record: row.record, field: `${where} › ${field}`, message }));
}
