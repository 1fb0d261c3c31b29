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
  const productions = sql`SELECT pr.* FROM "Production" pr JOIN "SneakerModel" m ON m.id = pr."modelId" WHERE m."brandId" = ${brand}.id`;
  return sql`(
    SELECT ${brand}.id AS "brandId", c.code AS "countryCode", c.name AS "countryName", places.recorded,
           coalesce(here.n, 0)::int AS "productionCount",
           (SELECT count(DISTINCT f.id)::int FROM "Factory" f
             WHERE f."countryCode" = c.code AND f.status = 'OPERATING'
               AND (f."operatorBrandId" = ${brand}.id OR f.id IN (SELECT bp."factoryId" FROM (${productions}) bp))) AS "factoryCount",
           here.volume AS "knownVolume",
           CASE WHEN coalesce(total.volume, 0) = 0 OR here.volume IS NULL THEN NULL ELSE here.volume::float8 / total.volume END AS "volumeShare"
      FROM (SELECT code, bool_or(recorded) AS recorded FROM (
            SELECT bp."countryCode" AS code, true AS recorded FROM (${productions}) bp
            UNION
            SELECT f."countryCode", true FROM "Factory" f WHERE f."operatorBrandId" = ${brand}.id AND f.status = 'OPERATING'
            UNION
            SELECT cl."countryCode", false FROM "Claim" cl
             WHERE cl."brandId" = ${brand}.id AND cl.topic = 'MADE_IN' AND cl.stance = 'ASSERTS') AS sayings
            GROUP BY code) AS places
      JOIN "Country" c ON c.code = places.code
      LEFT JOIN (SELECT bp."countryCode" AS code, count(*) AS n, sum(bp."annualVolume")::bigint AS volume
                   FROM (${productions}) bp GROUP BY bp."countryCode") AS here ON here.code = c.code
      CROSS JOIN (SELECT sum(bp."annualVolume")::bigint AS volume FROM (${productions}) bp) AS total
  )`;
}
