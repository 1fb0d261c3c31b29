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
  // One pass over what places the brand in a country, grouped once by country: its
  // productions (with their factory, when operating), the operating factories it runs,
  // and the MADE_IN claims about it. No per-country subquery: the cost is the brand's
  // rows, read once. A production carries its factory's status (kept by triggers,
  // migration 20261208000000), so its branch reads Production_brand_page_idx alone
  // (index-only when the visibility map allows) and never Factory: looking up each
  // production's factory by key was 50,000 lookups and ~460 ms for the big brand at 1M.
  // Factories are counted DISTINCT within each country (a sort of the brand's rows):
  // measured at 1M, 29 ms against 80 ms for the former two hash aggregates (by country
  // and factory, then by country: 45,000 groups).
  return sql`(
    SELECT ${brand}.id AS "brandId", c.code AS "countryCode", c.name AS "countryName", g.recorded,
           g.productions::int AS "productionCount",
           g.factories::int AS "factoryCount",
           g.volume::bigint AS "knownVolume",
           CASE WHEN coalesce(sum(g.volume) OVER (), 0) = 0 OR g.volume IS NULL THEN NULL
                ELSE g.volume::float8 / (sum(g.volume) OVER ())::float8 END AS "volumeShare"
      FROM (
        SELECT s.code, bool_or(s.recorded) AS recorded, count(s.production) AS productions,
               count(DISTINCT s.factory) AS factories, sum(s.volume) AS volume
          FROM (
            SELECT pr."countryCode" AS code, true AS recorded, 1 AS production, pr."annualVolume" AS volume,
                   CASE WHEN pr."factoryStatus" = 'OPERATING' THEN pr."factoryId" END AS factory
              FROM "SneakerModel" m JOIN "Production" pr ON pr."modelId" = m.id
             WHERE m."brandId" = ${brand}.id
            UNION ALL
            SELECT f."countryCode", true, NULL, NULL, f.id FROM "Factory" f WHERE f."operatorBrandId" = ${brand}.id AND f.status = 'OPERATING'
            UNION ALL
            SELECT cl."countryCode", false, NULL, NULL, NULL FROM "Claim" cl
             WHERE cl."brandId" = ${brand}.id AND cl.topic = 'MADE_IN' AND cl.stance = 'ASSERTS') AS s
         GROUP BY s.code) AS g
      JOIN "Country" c ON c.code = g.code
  )`;
}
