import { builder } from "../builder.ts";
import { citationSelect, Citation } from "./source.ts";
import { ClaimTopicEnum } from "./enums.ts";
import { byName } from "./ordering.ts";
import { productionByCountry, type CountryFootprint } from "../provenance/production-by-country.ts";

export const BrandNode = builder.prismaNode("Brand", {
  description: "A footwear company.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    headquartersCity: t.exposeString("headquartersCity", { nullable: true }),
    headquartersRegion: t.exposeString("headquartersRegion", { nullable: true }),
    country: t.relation("country", { nullable: true, description: "Country of the headquarters." }),
    foundedYear: t.exposeInt("foundedYear", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    models: t.relatedConnection("models", {
      description: "The brand's sneaker models, by name.",
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: byName() }),
    }),
    factories: t.relatedConnection("operatedFactories", {
      description: "Factories the brand operates (owned plants), by name.",
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: byName() }),
    }),
    sources: t.field({
      type: [Citation],
      description: "Sources for the brand's facts.",
      select: { sources: citationSelect },
      resolve: (brand) => brand.sources,
    }),
    claims: t.relation("claims", {
      description: "Statements sources make about the brand, kept as said; they may disagree.",
      args: { topic: t.arg({ type: ClaimTopicEnum, required: false }) },
      query: (args) => ({
        where: args.topic ? { topic: args.topic } : {},
        orderBy: [{ topic: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

const ClaimRef = builder.prismaObject("BrandClaim", {
  name: "Claim",
  description: "A statement a source makes about a brand, e.g. the share of its production in a country.",
  fields: (t) => ({
    topic: t.expose("topic", { type: ClaimTopicEnum }),
    country: t.relation("country", { nullable: true }),
    sharePercent: t.exposeFloat("sharePercent", { nullable: true, description: "The share the statement gives, in percent." }),
    statement: t.exposeString("statement"),
    source: t.relation("source"),
  }),
});

const CountryShare = builder.objectRef<CountryFootprint>("CountryShare").implement({
  description: "A brand's production in one country, from the productions and factories the graph records.",
  fields: (t) => ({
    countryCode: t.exposeString("countryCode"),
    countryName: t.exposeString("countryName"),
    productionCount: t.exposeInt("productionCount", { description: "Recorded productions (model × country) in the country." }),
    productionShare: t.exposeFloat("productionShare", { description: "productionCount as a share (0..1) of all the brand's productions." }),
    factoryCount: t.exposeInt("factoryCount", { description: "Named, not closed factories in the country that the brand operates or that make its models." }),
    knownVolume: t.exposeInt("knownVolume", { nullable: true, description: "Sum of known annual volumes (pairs), null when none is known." }),
    volumeShare: t.exposeFloat("volumeShare", { nullable: true, description: "Share (0..1) of the brand's known volume; null when no volume is known." }),
  }),
});

interface ProductionByCountryShape {
  countries: CountryFootprint[];
  claims: ClaimRow[];
}
type ClaimRow = (typeof ClaimRef)["$inferType"];

const ProductionByCountry = builder.objectRef<ProductionByCountryShape>("ProductionByCountry").implement({
  description: "Where a brand makes its shoes: computed shares per country, and what sources claim.",
  fields: (t) => ({
    countries: t.field({ type: [CountryShare], resolve: (p) => p.countries }),
    claims: t.field({
      type: [ClaimRef],
      description: "Claims about the share of production per country, each with its source; they may disagree.",
      resolve: (p) => p.claims,
    }),
  }),
});

builder.prismaObjectField(BrandNode, "productionByCountry", (t) =>
  t.field({
    type: ProductionByCountry,
    select: {
      models: {
        select: {
          productions: {
            select: { countryCode: true, country: true, annualVolume: true, factory: { select: { id: true, status: true } } },
          },
        },
      },
      operatedFactories: { select: { id: true, status: true, countryCode: true, country: true } },
      claims: { where: { topic: "PRODUCTION_SHARE" }, include: { source: true, country: true }, orderBy: { id: "asc" } },
    },
    resolve: (brand) => ({
      countries: productionByCountry(
        brand.models.flatMap((m) => m.productions),
        brand.operatedFactories,
      ),
      claims: brand.claims,
    }),
  }),
);
