import type { SqlConnection } from "../sql-connection.ts";
import { CITATION_TABLES } from "./passages.ts";
import { PAGE_SIZE, type DataProblem } from "./problem.ts";

/**
 * Fields a citation backs by citing the fact at all (what the fact is: its identity and
 * what it relates); every other field a fact sets must be named in some citation's
 * `supports`, so a reader can see which passage gave the workforce figure.
 */
export const IDENTITY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Brand: ["slug", "name"],
  SneakerModel: ["slug", "name", "brand"],
  Factory: ["slug", "name"],
  Production: ["slug", "model", "factory", "country"],
  ProcessStep: ["slug", "name", "position"],
};

/**
 * Columns that are bookkeeping, not facts (matching keys are derived from the name and
 * address; a production's factoryStatus is its factory's status, copied by a trigger).
 */
const BOOKKEEPING = new Set(["id", "version", "createdAt", "updatedAt", "nameKey", "addressKey", "factoryStatus"]);

/** The API's field name of a column (countryCode → country, operatorBrandId → operatorBrand, ...). */
export function fieldOfColumn(column: string): string {
  if (column === "countryCode") return "country";
  return column.endsWith("Id") ? column.slice(0, -2) : column;
}

interface FactRow {
  readonly id: number;
  readonly row: Record<string, unknown>;
  readonly supported: string[];
  readonly citations: number;
  readonly hasRoute: boolean;
}

/**
 * Every fact cites a source, and every field it sets is supported by one. Process
 * steps are vocabulary: only a description needs a source.
 */
export async function checkFacts(sql: SqlConnection): Promise<DataProblem[]> {
  const problems: DataProblem[] = [];
  for (const { table, key, fact, label } of CITATION_TABLES) {
    let after = 0;
    for (;;) {
      const rows = await sql.query<FactRow>(
        `SELECT f.id, to_jsonb(f) AS row,
                coalesce((SELECT array_agg(DISTINCT field) FROM "${table}" c, unnest(c.supports) AS field WHERE c."${key}" = f.id), '{}') AS supported,
                (SELECT count(*)::int FROM "${table}" c WHERE c."${key}" = f.id) AS citations,
                ${fact === "Production" ? `EXISTS (SELECT 1 FROM "ProductionStep" r WHERE r."productionId" = f.id)` : "false"} AS "hasRoute"
           FROM "${fact}" f WHERE f.id > $1 ORDER BY f.id LIMIT ${PAGE_SIZE}`,
        [after],
      );
      for (const { row, supported, citations, hasRoute } of rows) {
        const record = `${label} ${String(row["slug"])}`;
        const fields = setFields(row, hasRoute);
        if (fact === "ProcessStep" && !fields.includes("description")) continue;
        if (citations === 0) {
          problems.push({ record, field: "citations", message: "none: every fact cites the passage that says it" });
          continue;
        }
        const backed = new Set([...IDENTITY_FIELDS[fact]!, ...supported]);
        for (const field of fields.filter((name) => !backed.has(name))) {
          problems.push({ record, field, message: "no citation supports it (name it in a citation's `supports`, or clear it)" });
        }
      }
      if (rows.length < PAGE_SIZE) break;
      after = rows.at(-1)!.id;
    }
  }
  return problems;
}

function setFields(row: Record<string, unknown>, hasRoute: boolean): string[] {
  const fields = Object.entries(row)
    .filter(([column, value]) => !BOOKKEEPING.has(column) && value !== null && !(Array.isArray(value) && value.length === 0))
    .map(([column]) => fieldOfColumn(column));
  return hasRoute ? [...fields, "route"] : fields;
}
