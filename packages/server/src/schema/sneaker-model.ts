import type { SneakerModelModel as SneakerModel } from "@solegraph/db";
import { countriesOfModel, factoriesIn, labelClaimsIn, madeInStatus, verdictCitations, volumeShareIn } from "../provenance/made-in.ts";
import { belongsTo, by, computed, hasMany, hasManyConnection } from "../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../read/planned-types.ts";
import { textValue } from "../read/values.ts";
import { builder } from "../builder.ts";
import { CountryRef } from "./country.ts";
import { ModelCategoryEnum } from "./enums.ts";
import { FactoryNode } from "./factory.ts";
import { ModelMaterialRef } from "./material.ts";
import { ProductionNode } from "./production.ts";
import { BrandNode } from "./brand.ts";
import { Citation, citationsOf } from "./source.ts";

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
