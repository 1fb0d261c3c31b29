import { sql, type Sql } from "../read/sql.ts";
import { textValue } from "../read/values.ts";

/**
 * Whether a model is made in a country, computed from its recorded productions (never
 * stored), as SQL over the model's row (schema/sneaker-model.ts, MadeInVerdict):
 * - YES: every recorded production is in the country; PARTLY: some are; NO:
 *   productions are recorded, none there; UNKNOWN: none is recorded;
 * - factories: the named factories in the country, in the order their productions were recorded;
 * - labelClaims: distinct label claims of the productions there, first recorded first;
 * - volumeShare: the country's share of the known annual volume, NULL when none is known;
 * - sources: the citations of the productions there (for NO: of all of them), one per
 *   source, in the order first cited.
 */
export type MadeInStatus = "YES" | "PARTLY" | "NO" | "UNKNOWN";

const productionsOf = (model: Sql) => sql`"Production" p WHERE p."modelId" = ${model}.id`;

export function madeInStatus(model: Sql, country: string): Sql {
  const here = sql`p."countryCode" = ${textValue(country)}`;
  return sql`(SELECT CASE WHEN count(*) = 0 THEN 'UNKNOWN'
                          WHEN count(*) FILTER (WHERE ${here}) = count(*) THEN 'YES'
                          WHEN count(*) FILTER (WHERE ${here}) > 0 THEN 'PARTLY'
                          ELSE 'NO' END
                FROM ${productionsOf(model)})`;
}

/** Factory rows (with the recording production's id as "productionId") of the model in the country. */
export function factoriesIn(model: Sql, country: string): Sql {
  return sql`(SELECT f.*, p.id AS "productionId" FROM "Factory" f JOIN "Production" p ON p."factoryId" = f.id
               WHERE p."modelId" = ${model}.id AND p."countryCode" = ${textValue(country)})`;
}

export function labelClaimsIn(model: Sql, country: string): Sql {
  return sql`(SELECT coalesce(json_agg(claims.label ORDER BY claims.first), '[]'::json) FROM (
                SELECT p."labelClaim" AS label, min(p.id) AS first FROM ${productionsOf(model)}
                   AND p."countryCode" = ${textValue(country)} AND p."labelClaim" <> '' GROUP BY p."labelClaim") AS claims)`;
}

export function volumeShareIn(model: Sql, country: string): Sql {
  return sql`(SELECT CASE WHEN coalesce(sum(p."annualVolume"), 0) = 0 THEN NULL
                          ELSE coalesce(sum(p."annualVolume") FILTER (WHERE p."countryCode" = ${textValue(country)}), 0)::float8
                               / sum(p."annualVolume") END
                FROM ${productionsOf(model)})`;
}

/** Citation rows (ProductionSource, with "productionId") behind the verdict, one per source. */
export function verdictCitations(model: Sql, country: string): Sql {
  const code = textValue(country);
  return sql`(SELECT DISTINCT ON (ps."sourceId") ps.*
                FROM "ProductionSource" ps JOIN "Production" p ON p.id = ps."productionId"
               WHERE p."modelId" = ${model}.id
                 AND (p."countryCode" = ${code}
                      OR NOT EXISTS (SELECT 1 FROM "Production" p2 WHERE p2."modelId" = ${model}.id AND p2."countryCode" = ${code}))
               ORDER BY ps."sourceId", p.id)`;
}

/** Countries (Country rows) where the model's productions are. */
export function countriesOfModel(model: Sql): Sql {
  return sql`(SELECT DISTINCT c.* FROM "Country" c JOIN "Production" p ON p."countryCode" = c.code WHERE p."modelId" = ${model}.id)`;
}
