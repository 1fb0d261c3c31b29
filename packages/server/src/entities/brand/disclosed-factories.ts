import { by } from "../../read/plans.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { sql, type Sql } from "../../read/sql.ts";
import { textValue } from "../../read/values.ts";
import { CountryRef } from "../country/type.ts";
import { SupplierGroupNode } from "../supplier-group/type.ts";

/**
 * The factories a brand's current supplier lists name (relations from dated lists, not
 * ended), of one sector: the base of "where does it make its footwear?".
 */
function currentlyListed(brand: Sql, sector: string): Sql {
  return sql`SELECT f.* FROM "Factory" f
    WHERE f.id IN (SELECT r."factoryId" FROM "BrandFactory" r WHERE r."brandId" = ${brand}.id AND r."listedFrom" IS NOT NULL AND r."listedUntil" IS NULL)
      AND EXISTS (SELECT 1 FROM unnest(f.sectors) AS s(sector) WHERE lower(s.sector) = lower(${textValue(sector)}))`;
}

/** `Brand.listedFactories`: the current lists' factories of a sector, a page at a time by name. */
export function listedFactoriesOf(brand: Sql, alias: Sql, sector: string): Sql {
  return sql`${alias}.id IN (SELECT r."factoryId" FROM "BrandFactory" r WHERE r."brandId" = ${brand}.id AND r."listedFrom" IS NOT NULL AND r."listedUntil" IS NULL)
    AND EXISTS (SELECT 1 FROM unnest(${alias}.sectors) AS s(sector) WHERE lower(s.sector) = lower(${textValue(sector)}))`;
}

interface DisclosedCountryRow {
  countryCode: string;
  factoryCount: number;
  finishedGoods: number;
  componentsAndMaterials: number;
}

export const DisclosedCountry: PlannedRef = plannedObject<DisclosedCountryRow>("DisclosedCountry", {
  description:
    "The factories of one country on a brand's current supplier lists: counts of listed factories (what the brand discloses), " +
    "finished-goods assembly apart from components and materials; not a share of its output.",
  fields: (t) => ({
    country: t.field(CountryRef, { kind: "row", rows: ({ row }, alias) => ({ from: sql`"Country"`, where: sql`${alias}.code = ${row}."countryCode"` }) }),
    factoryCount: t.int("factoryCount", { description: "Listed factories of the sector there." }),
    finishedGoods: t.int("finishedGoods", { description: "Of them, those the lists name for finished-goods assembly." }),
    componentsAndMaterials: t.int("componentsAndMaterials", { description: "Of them, those named only for components or materials." }),
  }),
});

export function disclosedCountriesOf(brand: Sql, sector: string): Sql {
  return sql`(SELECT f."countryCode", count(*)::int AS "factoryCount",
                     count(*) FILTER (WHERE 'FINISHED_GOODS' = ANY(f.roles))::int AS "finishedGoods",
                     count(*) FILTER (WHERE NOT 'FINISHED_GOODS' = ANY(f.roles) AND f.roles && ARRAY['COMPONENTS', 'MATERIALS']::"FactoryRole"[])::int AS "componentsAndMaterials"
              FROM (${currentlyListed(brand, sector)}) f GROUP BY f."countryCode")`;
}

interface DisclosedGroupRow {
  supplierGroupId: number | null;
  factoryCount: number;
  countryCount: number;
}

export const DisclosedSupplierGroup: PlannedRef = plannedObject<DisclosedGroupRow>("DisclosedSupplierGroup", {
  description: "A supplier group's factories on a brand's current supplier lists (null group: factories the lists name no group for).",
  fields: (t) => ({
    supplierGroup: t.field(
      SupplierGroupNode,
      { kind: "row", rows: ({ row }, alias) => ({ from: sql`"SupplierGroup"`, where: sql`${alias}.id = ${row}."supplierGroupId"` }) },
      { nullable: true },
    ),
    factoryCount: t.int("factoryCount"),
    countryCount: t.int("countryCount", { description: "Countries those factories are in." }),
  }),
});

export function disclosedGroupsOf(brand: Sql, sector: string): Sql {
  return sql`(SELECT f."supplierGroupId", (SELECT g.name FROM "SupplierGroup" g WHERE g.id = f."supplierGroupId") AS "groupName",
                     count(*)::int AS "factoryCount", count(DISTINCT f."countryCode")::int AS "countryCount"
              FROM (${currentlyListed(brand, sector)}) f GROUP BY f."supplierGroupId")`;
}

export const DISCLOSED_COUNTRY_ORDER = [by("factoryCount", "desc"), by("countryCode")];
export const DISCLOSED_GROUP_ORDER = [by("factoryCount", "desc"), by("groupName", "asc", { nullable: true, nulls: "last" })];
