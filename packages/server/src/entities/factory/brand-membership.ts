import { sql, type Sql } from "../../read/sql.ts";

/**
 * `factories(filter: { brand })`: the brand's factories, found from the brand's side
 * through an index for each kind of relation — the sites it runs
 * (Factory(operatorBrandId, …)), the sites making its models (SneakerModel(brandId, …),
 * Production(modelId, factoryId)), and the sites a source relates it to, owned or under
 * contract (BrandFactory's key (brandId, factoryId, sourceId)) — then each factory by
 * its primary key. So a filter and its `totalCount` read rows in proportion to the
 * brand's size, not the registry's: 50 factories of a small brand cost 50 lookups
 * among a million.
 *
 * The `OFFSET 0`s are fences: without them PostgreSQL may flatten the lookup into a
 * join and, not knowing which brand the slug names when it plans (a generic plan, or
 * the average brand's size), scan every factory in name order probing the brand's set —
 * reading the whole registry for a small brand. The other filters and the page's order
 * apply to the brand's rows afterwards.
 */
export function factoriesOfBrand(slug: Sql): Sql {
  const brand = sql`(SELECT b.id FROM "Brand" b WHERE b.slug = ${slug})`;
  return sql`(SELECT f.* FROM (
      SELECT o.id FROM "Factory" o WHERE o."operatorBrandId" = ${brand}
      UNION SELECT p."factoryId" FROM "SneakerModel" m JOIN "Production" p ON p."modelId" = m.id WHERE m."brandId" = ${brand} AND p."factoryId" IS NOT NULL
      UNION SELECT r."factoryId" FROM "BrandFactory" r WHERE r."brandId" = ${brand}
    ) AS member(id)
    CROSS JOIN LATERAL (SELECT * FROM "Factory" x WHERE x.id = member.id OFFSET 0) AS f
    OFFSET 0)`;
}
