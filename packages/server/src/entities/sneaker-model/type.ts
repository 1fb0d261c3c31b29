import type { SneakerModelModel as SneakerModel } from "@solegraph/db";
import { belongsTo, by, hasMany, hasManyConnection } from "../../read/plans.ts";
import { ClaimNode, claimsOf, CLAIMS_DESCRIPTION } from "../claim/type.ts";
import { madeInOf, madeInUsaOf, MadeInVerdictRef } from "./verdict.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { textValue } from "../../read/values.ts";
import { builder } from "../../builder.ts";
import { ClaimTopicEnum, ModelCategoryEnum, OrderDirection } from "../../schema/enums.ts";
import { ModelMaterialRef } from "../material/type.ts";
import { ProductionNode } from "../production/type.ts";
import { BrandNode } from "../brand/type.ts";
import { Citation, citationsOf } from "../source/type.ts";
import type { OrderTerm } from "../../read/plan.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { sql, type Sql } from "../../read/sql.ts";
import { allOf, containsInsensitive, equalsInsensitive, rowBySlug } from "../../read/filters.ts";
export const SneakerModelNode: PlannedRef = plannedObject<SneakerModel>("SneakerModel", {
  description: "A model (style) of a brand, e.g. the 990v5.",
  table: "SneakerModel",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    brand: t.field(BrandNode, belongsTo("Brand", "brandId")),
    series: t.string("series", { nullable: true, description: "The family (line) the model belongs to, e.g. \"990\" for the 990v5; see the root field `series`." }),
    category: t.enum(ModelCategoryEnum, "category", { nullable: true }),
    releaseYear: t.int("releaseYear", { nullable: true }),
    description: t.string("description", { nullable: true }),
    version: t.int("version"),
    createdAt: t.dateTime("createdAt"),
    updatedAt: t.dateTime("updatedAt"),
    productions: t.connection(connectionOf(ProductionNode, "Production"), hasManyConnection("Production", "modelId", []), {
      description: "Where the model is made.",
    }),
    materials: t.field([ModelMaterialRef], hasMany("ModelMaterial", "modelId", [by("component"), by("id")])),
    sources: t.field([Citation], citationsOf("SneakerModelSource", "modelId")),
    claims: t.field([ClaimNode], claimsOf("modelId"), {
      description: CLAIMS_DESCRIPTION,
      args: { topic: t.t.arg({ type: ClaimTopicEnum, required: false }) },
    }),
    madeIn: t.field([MadeInVerdictRef], madeInOf(thisModel), {
      description: "A verdict per country where the model is produced or claimed to be made, by country code.",
    }),
    madeInUsa: t.field(MadeInVerdictRef, madeInUsaOf(thisModel), {
      description: "Is it made in the USA? The verdict with its basis (reported or claimed), factories, sources and the claims for and against.",
    }),
  }),
});

/** The model as a set of one, for verdicts. */
function thisModel(row: Sql): Sql {
  return sql`ARRAY[${row}.id]`;
}

// Root fields.
const ModelFilter = builder.inputType("ModelFilter", {
  description: "Every field given must match.",
  fields: (t) => ({
    brand: t.string({ description: "Brand slug." }),
    series: t.string({ description: "Series, e.g. \"990\" (exact, case-insensitive)." }),
    category: t.field({ type: ModelCategoryEnum }),
    madeIn: t.field({ type: "CountryCode", description: "Made in this country (ISO 3166-1 alpha-2), by any production." }),
    labelClaim: t.string({ description: "Any production carries this label claim, e.g. \"Made in USA\" (case-insensitive)." }),
    search: t.string({ description: "Part of the name, slug or series (case-insensitive)." }),
  }),
});

const ModelOrderField = builder.enumType("ModelOrderField", {
  values: { NAME: { value: "name" }, SLUG: { value: "slug" }, RELEASE_YEAR: { value: "releaseYear" }, CREATED_AT: { value: "createdAt" } } as const,
});

const ModelOrder = builder.inputType("ModelOrder", {
  fields: (t) => ({
    field: t.field({ type: ModelOrderField, required: true }),
    direction: t.field({ type: OrderDirection, defaultValue: "asc" }),
  }),
});

type ModelFilterInput = (typeof ModelFilter)["$inferInput"];
type ModelOrderInput = (typeof ModelOrder)["$inferInput"];

plannedQueryFields((t) => ({
  model: t.field(SneakerModelNode, rowBySlug("SneakerModel"), {
    nullable: true,
    description: "A sneaker model by slug, or null.",
    args: { slug: t.t.arg.string({ required: true }) },
  }),
  models: t.connection(
    connectionOf(SneakerModelNode, "SneakerModel"),
    {
      kind: "connection",
      table: "SneakerModel",
      rows: ({ args }, alias) => ({
        from: sql`"SneakerModel"`,
        where: modelWhere(args["filter"] as ModelFilterInput | null | undefined, alias),
        orderBy: modelOrder(args["orderBy"] as ModelOrderInput | null | undefined),
      }),
    },
    {
      description: "Sneaker models, filtered and ordered (by name unless `orderBy` says otherwise).",
      args: {
        filter: t.t.arg({ type: ModelFilter, required: false }),
        orderBy: t.t.arg({ type: ModelOrder, required: false }),
      },
    },
  ),
}));

const NULLABLE = new Set(["releaseYear"]);

function modelOrder(order: ModelOrderInput | null | undefined): OrderTerm[] {
  const field = order?.field ?? "name";
  return [by(field, order?.direction ?? "asc", { nullable: NULLABLE.has(field) })];
}

function modelWhere(filter: ModelFilterInput | null | undefined, m: Sql): Sql | undefined {
  if (!filter) return undefined;
  const productionWhere = (condition: Sql) => sql`EXISTS (SELECT 1 FROM "Production" p WHERE p."modelId" = ${m}.id AND ${condition})`;
  return allOf([
    filter.brand != null ? sql`${m}."brandId" = (SELECT b.id FROM "Brand" b WHERE b.slug = ${textValue(filter.brand)})` : undefined,
    filter.series != null ? equalsInsensitive(sql`${m}.series`, filter.series) : undefined,
    filter.category != null ? sql`${m}.category = ${textValue(filter.category)}::"ModelCategory"` : undefined,
    filter.madeIn != null ? productionWhere(sql`p."countryCode" = upper(${textValue(filter.madeIn)})`) : undefined,
    filter.labelClaim != null ? productionWhere(equalsInsensitive(sql`p."labelClaim"`, filter.labelClaim)) : undefined,
    filter.search != null
      ? sql`(${containsInsensitive(sql`${m}.name`, filter.search)} OR ${containsInsensitive(sql`${m}.slug`, filter.search)} OR ${containsInsensitive(sql`${m}.series`, filter.search)})`
      : undefined,
  ]);
}
