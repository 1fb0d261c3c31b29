import type { BrandClaimModel as BrandClaim, BrandModel as Brand } from "@solegraph/db";
import { belongsTo, by, BY_NAME, hasMany, hasManyConnection } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { countriesOfBrand } from "../../provenance/production-by-country.ts";
import { sql } from "../../read/sql.ts";
import { textValue } from "../../read/values.ts";
import { CountryRef } from "../country/type.ts";
import { ClaimTopicEnum } from "../../schema/enums.ts";
import { FactoryNode } from "../factory/type.ts";
import { SneakerModelNode } from "../sneaker-model/type.ts";
import { Citation, citationsOf, SourceNode } from "../source/type.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { containsInsensitive, rowBySlug } from "../../read/filters.ts";
export const BrandNode: PlannedRef = plannedObject<Brand>("Brand", {
  description: "A footwear company.",
  table: "Brand",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    description: t.string("description", { nullable: true }),
    headquartersCity: t.string("headquartersCity", { nullable: true }),
    headquartersRegion: t.string("headquartersRegion", { nullable: true }),
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code"), { nullable: true, description: "Country of the headquarters." }),
    foundedYear: t.int("foundedYear", { nullable: true }),
    website: t.string("website", { nullable: true }),
    version: t.int("version"),
    createdAt: t.dateTime("createdAt"),
    updatedAt: t.dateTime("updatedAt"),
    models: t.connection(connectionOf(SneakerModelNode, "SneakerModel"), hasManyConnection("SneakerModel", "brandId", BY_NAME), {
      description: "The brand's sneaker models, by name.",
    }),
    factories: t.connection(connectionOf(FactoryNode, "Factory"), hasManyConnection("Factory", "operatorBrandId", BY_NAME), {
      description: "Factories the brand operates (owned plants), by name.",
    }),
    sources: t.field([Citation], citationsOf("BrandSource", "brandId"), { description: "Sources for the brand's facts." }),
    claims: t.field(
      [ClaimRef],
      hasMany("BrandClaim", "brandId", [by("topic"), by("id")], ({ args }, alias) =>
        typeof args["topic"] === "string" ? sql`${alias}.topic = ${textValue(args["topic"])}::"ClaimTopic"` : undefined,
      ),
      {
        description: "Statements sources make about the brand, kept as said; they may disagree.",
        args: { topic: t.t.arg({ type: ClaimTopicEnum, required: false }) },
      },
    ),
    productionByCountry: t.field(ProductionByCountry, { kind: "nested" }),
  }),
});

const ClaimRef: PlannedRef = plannedObject<BrandClaim>("Claim", {
  description: "A statement a source makes about a brand, e.g. the share of its production in a country.",
  fields: (t) => ({
    topic: t.enum(ClaimTopicEnum, "topic"),
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code"), { nullable: true }),
    sharePercent: t.float("sharePercent", { nullable: true, description: "The share the statement gives, in percent." }),
    statement: t.string("statement"),
    source: t.field(SourceNode, belongsTo("Source", "sourceId")),
  }),
});

interface CountryShareRow {
  countryCode: string;
  countryName: string;
  productionCount: number;
  productionShare: number;
  factoryCount: number;
  knownVolume: number | null;
  volumeShare: number | null;
}

const CountryShare: PlannedRef = plannedObject<CountryShareRow>("CountryShare", {
  description: "A brand's production in one country, from the productions and factories the graph records.",
  fields: (t) => ({
    countryCode: t.string("countryCode"),
    countryName: t.string("countryName"),
    productionCount: t.int("productionCount", { description: "Recorded productions (model × country) in the country." }),
    productionShare: t.float("productionShare", { description: "productionCount as a share (0..1) of all the brand's productions." }),
    factoryCount: t.int("factoryCount", { description: "Named, not closed factories in the country that the brand operates or that make its models." }),
    knownVolume: t.int("knownVolume", { nullable: true, description: "Sum of known annual volumes (pairs), null when none is known." }),
    volumeShare: t.float("volumeShare", { nullable: true, description: "Share (0..1) of the brand's known volume; null when no volume is known." }),
  }),
});

const ProductionByCountry: PlannedRef = plannedObject("ProductionByCountry", {
  description: "Where a brand makes its shoes: computed shares per country, and what sources claim.",
  fields: (t) => ({
    countries: t.field([CountryShare], {
      kind: "list",
      rows: ({ row }) => ({
        from: countriesOfBrand(row),
        orderBy: [by("productionCount", "desc"), by("factoryCount", "desc"), by("countryCode")],
      }),
    }),
    claims: t.field(
      [ClaimRef],
      hasMany("BrandClaim", "brandId", [by("id")], (_context, alias) => sql`${alias}.topic = 'PRODUCTION_SHARE'`),
      { description: "Claims about the share of production per country, each with its source; they may disagree." },
    ),
  }),
});

// Root fields.
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
