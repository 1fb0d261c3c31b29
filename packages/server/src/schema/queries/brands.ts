import { BY_NAME } from "../../read/plans.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { connectionOf } from "../../read/planned-types.ts";
import { sql } from "../../read/sql.ts";
import { containsInsensitive, rowBySlug } from "./filters.ts";
import { BrandNode } from "../brand.ts";

plannedQueryFields((t) => ({
  brand: t.field(BrandNode, rowBySlug("Brand"), {
    nullable: true,
    description: "A brand by slug, or null.",
    args: { slug: t.t.arg.string({ required: true }) },
  }),
  brands: t.connection(
    connectionOf(BrandNode, "Brand"),
    {
      kind: "connection",
      table: "Brand",
      rows: ({ args }, alias) => ({
        from: sql`"Brand"`,
        where: typeof args["search"] === "string" ? containsInsensitive(sql`${alias}.name`, args["search"]) : undefined,
        orderBy: BY_NAME,
      }),
    },
    {
      description: "Brands by name; `search` matches part of the name, case-insensitively.",
      args: { search: t.t.arg.string({ required: false }) },
    },
  ),
}));
