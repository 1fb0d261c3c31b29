import type { SupplierGroupModel as SupplierGroup } from "@solegraph/db";
import { by } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { rowBySlug } from "../../read/filters.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { sql } from "../../read/sql.ts";
import { textValue } from "../../read/values.ts";
import { BrandNode } from "../brand/type.ts";
import { CountryRef } from "../country/type.ts";
import { FactoryNode } from "../factory/type.ts";

const BY_NAME_ID = [by("name"), by("id")];

/**
 * The parent company a supplier list names for its factories (Feng Tay, Pou Chen): one
 * node per name, case, spaces and punctuation aside (the database's supplier_group_key).
 */
export const SupplierGroupNode: PlannedRef = plannedObject<SupplierGroup>("SupplierGroup", {
  description: "A supplier group: the parent company supplier lists name for their factories.",
  table: "SupplierGroup",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name", { description: "The name as the first list that named it spells it." }),
    factories: t.connection(
      connectionOf(FactoryNode, "Factory"),
      {
        kind: "connection",
        table: "Factory",
        rows: ({ row }, alias) => ({ from: sql`"Factory"`, where: sql`${alias}."supplierGroupId" = ${row}.id`, orderBy: BY_NAME_ID }),
      },
      { description: "The group's factories, by name." },
    ),
    brands: t.field(
      [BrandNode],
      {
        kind: "list",
        rows: ({ row }) => ({
          from: sql`(SELECT DISTINCT b.* FROM "Brand" b JOIN "BrandFactory" r ON r."brandId" = b.id JOIN "Factory" f ON f.id = r."factoryId"
                      WHERE f."supplierGroupId" = ${row}.id AND r."listedUntil" IS NULL)`,
          orderBy: BY_NAME_ID,
        }),
      },
      { description: "Brands whose lists currently name one of the group's factories (relations not ended)." },
    ),
    countries: t.field(
      [CountryRef],
      {
        kind: "list",
        rows: ({ row }) => ({
          from: sql`(SELECT c.* FROM "Country" c WHERE c.code IN (SELECT f."countryCode" FROM "Factory" f WHERE f."supplierGroupId" = ${row}.id))`,
          orderBy: [by("name")],
        }),
      },
      { description: "Countries of the group's factories." },
    ),
  }),
});

plannedQueryFields((t) => ({
  supplierGroup: t.field(SupplierGroupNode, rowBySlug("SupplierGroup"), {
    nullable: true,
    description: "A supplier group by slug, or null.",
    args: { slug: t.t.arg.string({ required: true }) },
  }),
  supplierGroups: t.connection(
    connectionOf(SupplierGroupNode, "SupplierGroup"),
    {
      kind: "connection",
      table: "SupplierGroup",
      rows: ({ args }, alias) => ({
        from: sql`"SupplierGroup"`,
        // The same key as the importer's: "pou chen", "Pou-Chen" and "POUCHEN" find Pou Chen.
        where: typeof args["search"] === "string" ? sql`${alias}."nameKey" LIKE '%' || supplier_group_key(${textValue(args["search"])}) || '%'` : undefined,
        orderBy: BY_NAME_ID,
      }),
    },
    {
      description: "Supplier groups by name; `search` matches part of the name, case, spaces and punctuation aside.",
      args: { search: t.t.arg.string({ required: false }) },
    },
  ),
}));
