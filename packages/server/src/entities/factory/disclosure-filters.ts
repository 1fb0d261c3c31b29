import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { empty, sql, type Sql } from "../../read/sql.ts";
import { textValue } from "../../read/values.ts";

export const ListedEnum = builder.enumType("Listed", {
  description: "Which of a brand's listed factories: those its lists name now, or every one they ever named.",
  values: {
    CURRENT: { description: "Named by the brand's latest lists: relations not ended (`listedUntil` null)." },
    EVER: { description: "Named by any list of the brand, ended relations included." },
  } as const,
});

/** The filter's supplier-list fields (issue 22). */
interface DisclosureFilter {
  readonly brand?: string | null | undefined;
  readonly sector?: string | null | undefined;
  readonly role?: string | null | undefined;
  readonly supplierGroup?: string | null | undefined;
  readonly listed?: "CURRENT" | "EVER" | null | undefined;
}

/**
 * `factories(filter: { sector, role, supplierGroup, listed })` as conditions on the
 * factory row `f`: each a correlated EXISTS or a comparison on an indexed column, so
 * the root field stays one statement. `listed` needs a brand: alone it would not say
 * whose list.
 */
export function disclosureFilterConditions(filter: DisclosureFilter, f: Sql): (Sql | undefined)[] {
  if (filter.listed != null && filter.brand == null) {
    throw new GraphQLError("`filter.listed` needs `filter.brand`: whose lists?", { extensions: { code: "BAD_USER_INPUT", argument: "filter" } });
  }
  return [
    filter.sector != null ? sql`EXISTS (SELECT 1 FROM unnest(${f}.sectors) AS s(sector) WHERE lower(s.sector) = lower(${textValue(filter.sector)}))` : undefined,
    filter.role != null ? sql`${f}.roles @> ARRAY[${textValue(filter.role)}::"FactoryRole"]` : undefined,
    filter.supplierGroup != null
      ? sql`${f}."supplierGroupId" IN (SELECT g.id FROM "SupplierGroup" g WHERE g.slug = ${textValue(filter.supplierGroup)} OR g."nameKey" = supplier_group_key(${textValue(filter.supplierGroup)}))`
      : undefined,
    filter.listed != null && filter.brand != null
      ? sql`EXISTS (SELECT 1 FROM "BrandFactory" r JOIN "Brand" b ON b.id = r."brandId"
                    WHERE r."factoryId" = ${f}.id AND b.slug = ${textValue(filter.brand)}
                      ${filter.listed === "CURRENT" ? sql`AND r."listedUntil" IS NULL` : empty})`
      : undefined,
  ];
}
