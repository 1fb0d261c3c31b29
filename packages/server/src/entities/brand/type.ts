import type { BrandModel as Brand } from "@solegraph/db";
import { belongsTo, by, BY_NAME, hasMany, hasManyConnection } from "../../read/plans.ts";
import { ClaimNode, claimsOf, CLAIMS_DESCRIPTION } from "../claim/type.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { countriesOfBrand } from "../../provenance/production-by-country.ts";
import { sql } from "../../read/sql.ts";
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
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code"), { nullable: true, description: "The brand's home country, as its sources state it." }),
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
    claims: t.field([ClaimNode], claimsOf("brandId"), {
      description: CLAIMS_DESCRIPTION,
      args: { topic: t.t.arg({ type: ClaimTopicEnum, required: false }) },
    }),
    productionByCountry: t.field(ProductionByCountry, { kind: "nested" }),
  }),
});

interface CountryShareRow {
  countryCode: string;
  countryName: string;
  productionCount: number;
  factoryCount: number;
  knownVolume: number | null;
  volumeShare: number | null;
}

const CountryShare: PlannedRef = plannedObject<CountryShareRow>("CountryShare", {
  description: "A brand's production in one country, from the productions and factories the graph records.",
  fields: (t) => ({
    countryCode: t.string("countryCode"),
    countryName: t.string("countryName"),
    productionCount: t.int("productionCount", {
      description: "How many productions (model × country records) the graph holds there: a count of records, not a share of the brand's output.",
    }),
    factoryCount: t.int("factoryCount", { description: "Named, not closed factories in the country that the brand operates or that make its models." }),
    knownVolume: t.int("knownVolume", { nullable: true, description: "Sum of known annual volumes (pairs), null when none is known." }),
    volumeShare: t.float("volumeShare", {
      nullable: true,
      description: "Share (0..1) of the brand's known annual volume, from recorded volumes only; null when no volume is known.",
    }),
  }),
});

const ProductionByCountry: PlannedRef = plannedObject("ProductionByCountry", {
  description:
    "Where a brand makes its shoes: what the graph records per country (counts, and shares only of known volumes), " +
    "beside the shares sources claim (which may disagree with each other).",
  fields: (t) => ({
    countries: t.field([CountryShare], {
      kind: "list",
      rows: ({ row }) => ({
        from: countriesOfBrand(row),
        orderBy: [by("factoryCount", "desc"), by("productionCount", "desc"), by("countryCode")],
      }),
    }),
    claims: t.field(
      [ClaimNode],
      hasMany("Claim", "brandId", [by("id")], (_context, alias) => sql`${alias}.topic = 'PRODUCTION_SHARE'`),
      { description: "What sources claim about the share of the brand's production per country, each with its source, side by side." },
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
