import type { SqlConnection } from "../sql-connection.ts";
import { PAGE_SIZE, type DataProblem } from "./problem.ts";

interface ProductionRow {
  readonly id: number;
  readonly slug: string;
  readonly model: string;
  readonly series: string | null;
  readonly factory: string | null;
  readonly city: string | null;
  readonly country: string;
  readonly statements: string[];
}

/**
 * A production (this model made at this factory) rests on a passage that names both:
 * the model or its line, and the factory or its town (a country-only production: the
 * country). A brand-wide sentence ("our US plants make MADE shoes") names neither, so
 * it can back a claim, not a production. At least one citation's statement must.
 */
export async function checkProductions(sql: SqlConnection): Promise<DataProblem[]> {
  const problems: DataProblem[] = [];
  let after = 0;
  for (;;) {
    const rows = await sql.query<ProductionRow>(
      `SELECT p.id, p.slug, m.name AS model, m.series, f.name AS factory, f.city, c.name AS country,
              coalesce((SELECT array_agg(ps.statement) FROM "ProductionSource" ps
                         WHERE ps."productionId" = p.id AND ps.statement IS NOT NULL), '{}') AS statements
         FROM "Production" p JOIN "SneakerModel" m ON m.id = p."modelId"
         LEFT JOIN "Factory" f ON f.id = p."factoryId" JOIN "Country" c ON c.code = p."countryCode"
        WHERE p.id > $1 ORDER BY p.id LIMIT ${PAGE_SIZE}`,
      [after],
    );
    for (const row of rows) {
      const models = [row.model, row.series].filter((name): name is string => !!name);
      const places = row.factory === null ? [row.country] : [row.factory, row.city].filter((name): name is string => !!name);
      if (row.statements.some((statement) => namesAny(statement, models) && namesAny(statement, places))) continue;
      problems.push({
        record: `production ${row.slug}`,
        field: "citations › statement",
        message:
          `no citation's statement names both the model or its line (${models.join(" or ")}) and ` +
          `${row.factory === null ? "the country" : "the factory or its town"} (${places.join(" or ")}): ` +
          "a production needs a passage that names both; anything less is a claim",
      });
    }
    if (rows.length < PAGE_SIZE) break;
    after = rows.at(-1)!.id;
  }
  return problems;
}

/** Whether the text names one of the names: case aside, not as the tail of a longer word or number. */
export function namesAny(text: string, names: readonly string[]): boolean {
  const haystack = text.toLowerCase();
  return names.some((name) => {
    const needle = name.toLowerCase();
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1]!)) return true;
    }
    return false;
  });
}
