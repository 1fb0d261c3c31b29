import { builder } from "../builder.ts";
import { madeInVerdict, type MadeInVerdict } from "../provenance/made-in.ts";
import { CountryRef } from "./country.ts";
import { ModelCategoryEnum } from "./enums.ts";
import { FactoryNode } from "./factory.ts";
import { Citation, citationSelect, type CitationShape } from "./source.ts";

type FactoryRow = (typeof FactoryNode)["$inferType"];

const MadeInStatusEnum = builder.enumType("MadeInStatus", {
  description: "Whether a model is made in a country, from its recorded productions.",
  values: {
    YES: { description: "Every recorded production is in the country." },
    PARTLY: { description: "Some recorded productions are in the country, others elsewhere." },
    NO: { description: "Productions are recorded, none in the country." },
    UNKNOWN: { description: "No production of the model is recorded." },
  },
});

const MadeInVerdictRef = builder.objectRef<MadeInVerdict<FactoryRow, CitationShape>>("MadeInVerdict").implement({
  description: "A verdict on whether a model is made in a country, with the evidence behind it.",
  fields: (t) => ({
    countryCode: t.exposeString("countryCode"),
    status: t.field({ type: MadeInStatusEnum, resolve: (v) => v.status }),
    factories: t.field({ type: [FactoryNode], resolve: (v) => v.factories, description: "Named factories in the country that make the model." }),
    labelClaims: t.exposeStringList("labelClaims", { description: "Label claims of the productions in the country, e.g. \"Made in USA\"." }),
    volumeShare: t.exposeFloat("volumeShare", {
      nullable: true,
      description: "Share (0..1) of the known annual volume made in the country; null when no volume is known.",
    }),
    sources: t.field({ type: [Citation], resolve: (v) => v.sources, description: "Sources behind the verdict." }),
  }),
});

/** Loads, in the parent's query, what a verdict is computed from. */
const productionFactsSelect = {
  productions: {
    select: { countryCode: true, labelClaim: true, annualVolume: true, factory: true, sources: citationSelect },
    orderBy: { id: "asc" },
  },
} as const;

export const SneakerModelNode = builder.prismaNode("SneakerModel", {
  description: "A model (style) of a brand, e.g. 990v6.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    brand: t.relation("brand"),
    series: t.exposeString("series", { nullable: true, description: "The family the model belongs to, e.g. \"990\"." }),
    category: t.expose("category", { type: ModelCategoryEnum, nullable: true }),
    releaseYear: t.exposeInt("releaseYear", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    productions: t.relatedConnection("productions", {
      description: "Where the model is made.",
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ id: "asc" }] }),
    }),
    materials: t.relation("materials", { query: { orderBy: [{ component: "asc" }, { id: "asc" }] } }),
    sources: t.field({
      type: [Citation],
      select: { sources: citationSelect },
      resolve: (model) => model.sources,
    }),
    madeIn: t.field({
      type: [CountryRef],
      description: "The countries where the model is produced, by code.",
      select: { productions: { select: { country: true } } },
      resolve: (model) =>
        [...new Map(model.productions.map((p) => [p.country.code, p.country])).values()].sort((a, b) =>
          a.code.localeCompare(b.code),
        ),
    }),
    madeInUsa: t.field({
      type: MadeInVerdictRef,
      description: "Is it made in the USA? A verdict from the recorded productions, with factories, label claims and sources.",
      select: productionFactsSelect,
      resolve: (model) => madeInVerdict(model.productions, "US"),
    }),
  }),
});
