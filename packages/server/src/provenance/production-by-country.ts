import { sql, type Sql } from "../read/sql.ts";

/**
 * A brand's production footprint per country, as a derived table for the read plan
 * (entities/brand/type.ts): one row per country where the graph records a production of one
 * of the brand's models, or an operating factory the brand runs, or where a
 * source says the brand makes shoes (a MADE_IN claim about the brand) although no
 * factory there is recorded. Columns are CountryShare's fields:
 * - recorded: whether the graph records a production or factory there (false: only
 *   sources' statements place production there; the country's claims say which);
 * - productionCount: productions (model × country) recorded there: a count of records,
 *   deliberately not turned into a share (records are not volumes);
 * - factoryCount: distinct operating factories there that the brand runs or that make
 *   its models (planned and closed ones make nothing);
 * - knownVolume: the sum of known annual volumes, NULL when none is known;
 * - volumeShare: knownVolume over all the brand's known volume, NULL when none.
 * Shares are float8 divisions: the same doubles JavaScript computes.
 */
export function countriesOfBrand(brand: Sql): Sql {
  // One pass over what places the brand in a country, grouped by (country, factory) and
  // then by country (two hash aggregates: a distinct count would sort every row): its
  // productions (with their factory, when operating), the operating factories it runs,
  // and the MADE_IN claims about it. No per-country subquery: the cost is the brand's
  // rows, read once. A production's factory is looked up by key behind an OFFSET 0
  // fence: joined freely, PostgreSQL hashed the whole Factory table (a million rows,
  // 0.8 s) to look up a big brand's 50,000.
  return sql`(
    SELECT ${brand}.id AS "brandId", c.code AS "countryCode", c.name AS "countryName", bool_or(g.recorded) AS recorded,
           sum(g.productions)::int AS "productionCount",
           count(g.factory)::int AS "factoryCount",
           sum(g.volume)::bigint AS "knownVolume",
           CASE WHEN coalesce(sum(sum(g.volume)) OVER (), 0) = 0 OR sum(g.volume) IS NULL THEN NULL
                ELSE sum(g.volume)::float8 / (sum(sum(g.volume)) OVER ())::float8 END AS "volumeShare"
      FROM (
        SELECT s.code, s.factory, bool_or(s.recorded) AS recorded, count(s.production) AS productions, sum(s.volume) AS volume
          FROM (
            SELECT pr."countryCode" AS code, true AS recorded, pr.id AS production, pr."annualVolume" AS volume, f.id AS factory
              FROM "SneakerModel" m JOIN "Production" pr ON pr."modelId" = m.id
              LEFT JOIN LATERAL (SELECT x.id FROM "Factory" x WHERE x.id = pr."factoryId" AND x.status = 'OPERATING' OFFSET 0) AS f ON true
             WHERE m."brandId" = ${brand}.id
            UNION ALL
            SELECT f."countryCode", true, NULL, NULL, f.id FROM "Factory" f WHERE f."operatorBrandId" = ${brand}.id AND f.status = 'OPERATING'
            UNION ALL
            SELECT cl."countryCode", false, NULL, NULL, NULL FROM "Claim" cl
             WHERE cl."brandId" = ${brand}.id AND cl.topic = 'MADE_IN' AND cl.stance = 'ASSERTS') AS s
         GROUP BY s.code, s.factory) AS g
      JOIN "Country" c ON c.code = g.code
     GROUP BY c.code, c.name
  )`;
}
