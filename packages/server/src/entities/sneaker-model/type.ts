import type { SneakerModelModel as SneakerModel } from "@solegraph/db";
import { countriesOfModel, factoriesIn, labelClaimsIn, madeInStatus, verdictCitations, volumeShareIn } from "../../provenance/made-in.ts";
import { belongsTo, by, computed, hasMany, hasManyConnection } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { textValue } from "../../read/values.ts";
import { builder } from "../../builder.ts";
import { CountryRef } from "../country/type.ts";
import { ModelCategoryEnum, OrderDirection } from "../../schema/enums.ts";
import { FactoryNode } from "../factory/type.ts";
import { ModelMaterialRef } from "../material/type.ts";
import { ProductionNode } from "../production/type.ts";
import { BrandNode } from "../brand/type.ts";
import { Citation, citationsOf } from "../source/type.ts";
import type { OrderTerm } from "../../read/plan.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { sql, type Sql } from "../../read/sql.ts";
import { allOf, containsInsensitive, equalsInsensitive, rowBySlug } from "../../read/filters.ts";
const MadeInStatusEnum = builder.enumType("MadeInStatus", {
  description: "Whether a model is made in a country, from its recorded productions.",
  values: {
    YES: { description: "Every recorded production is in the country." },
    PARTLY: { description: "Some recorded productions are in the country, others elsewhere." },
    NO: { description: "Productions are recorded, none in the country." },
    UNKNOWN: { description: "No production of the model is recorded." },
  },
});

/** The country a verdict is about: passed by the field that asks (`madeInUsa`). */
const verdictCountry = (scope: Readonly<Record<string, unknown>>) => scope["country"] as string;

const MadeInVerdictRef: PlannedRef = plannedObject("MadeInVerdict", {
  description: "A verdict on whether a model is made in a country, with the evidence behind it.",
  fields: (t) => ({
    countryCode: t.field("String", computed(({ scope }) => textValue(verdictCountry(scope)))),
    status: t.field(MadeInStatusEnum, computed(({ row, scope }) => madeInStatus(row, verdictCountry(scope)))),
    factories: t.field(
      [FactoryNode],
      { kind: "list", rows: ({ row, scope }) => ({ from: factoriesIn(row, verdictCountry(scope)), orderBy: [by("productionId")] }) },
      { description: "Named factories in the country that make the model." },
    ),
    labelClaims: t.field(["String"], computed(({ row, scope }) => labelClaimsIn(row, verdictCountry(scope))), {
      description: "Label claims of the productions in the country, e.g. \"Made in USA\".",
    }),
    volumeShare: t.field("Float", computed(({ row, scope }) => volumeShareIn(row, verdictCountry(scope))), {
      nullable: true,
      description: "Share (0..1) of the known annual volume made in the country; null when no volume is known.",
    }),
    sources: t.field(
      [Citation],
      { kind: "list", rows: ({ row, scope }) => ({ from: verdictCitations(row, verdictCountry(scope)), orderBy: [by("productionId"), by("sourceId")] }) },
      { description: "Sources behind the verdict." },
    ),
  }),
});

export const SneakerModelNode: PlannedRef = plannedObject<SneakerModel>("SneakerModel", {
  description: "A model (style) of a brand, e.g. 990v6.",
  table: "SneakerModel",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    brand: t.field(BrandNode, belongsTo("Brand", "brandId")),
    series: t.string("series", { nullable: true, description: "The family the model belongs to, e.g. \"990\"." }),
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
    madeIn: t.field([CountryRef], { kind: "list", rows: ({ row }) => ({ from: countriesOfModel(row), orderBy: [by("code")] }) }, {
      description: "The countries where the model is produced, by code.",
    }),
    madeInUsa: t.field(MadeInVerdictRef, { kind: "nested", scope: () => ({ country: "US" }) }, {
      description: "Is it made in the USA? A verdict from the recorded productions, with factories, label claims and sources.",
    }),
  }),
});

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
