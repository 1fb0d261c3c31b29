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
import { DisclosureRef } from "../disclosure/type.ts";
import { DISCLOSED_COUNTRY_ORDER, DISCLOSED_GROUP_ORDER, DisclosedCountry, disclosedCountriesOf, disclosedGroupsOf, DisclosedSupplierGroup, listedFactoriesOf } from "./disclosed-factories.ts";
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
    disclosures: t.field([DisclosureRef], hasMany("Disclosure", "brandId", [by("asOf"), by("id")]), {
      description: "The brand's supplier lists as imported, oldest first: each one's date, how many factories it names, how many it added and dropped.",
    }),
    listedFactories: t.connection(
      connectionOf(FactoryNode, "Factory"),
      {
        kind: "connection",
        table: "Factory",
        rows: ({ row, args }, alias) => ({
          from: sql`"Factory"`,
          where: listedFactoriesOf(row, alias, typeof args["sector"] === "string" ? args["sector"] : "Footwear"),
          orderBy: BY_NAME,
        }),
      },
      {
        description: "The factories of a sector (default Footwear) the brand's current supplier lists name, by name.",
        args: { sector: t.t.arg.string({ required: false, defaultValue: "Footwear" }) },
      },
    ),
    disclosedFactoriesByCountry: t.field(
      [DisclosedCountry],
      {
        kind: "list",
        rows: ({ row, args }) => ({ from: disclosedCountriesOf(row, typeof args["sector"] === "string" ? args["sector"] : "Footwear"), orderBy: DISCLOSED_COUNTRY_ORDER }),
      },
      {
        description: "Per country, the factories of a sector (default Footwear) the brand's current supplier lists name: most first.",
        args: { sector: t.t.arg.string({ required: false, defaultValue: "Footwear" }) },
      },
    ),
    disclosedSupplierGroups: t.field(
      [DisclosedSupplierGroup],
      {
        kind: "list",
        rows: ({ row, args }) => ({ from: disclosedGroupsOf(row, typeof args["sector"] === "string" ? args["sector"] : "Footwear"), orderBy: DISCLOSED_GROUP_ORDER }),
      },
      {
        description: "Per supplier group, the factories of a sector (default Footwear) the brand's current supplier lists name: most first.",
        args: { sector: t.t.arg.string({ required: false, defaultValue: "Footwear" }) },
      },
    ),
  }),
});

interface CountryShareRow {
  brandId: number;
  recorded: boolean;
  countryCode: string;
  countryName: string;
  productionCount: number;
  factoryCount: number;
  knownVolume: number | null;
  volumeShare: number | null;
}

const CountryShare: PlannedRef = plannedObject<CountryShareRow>("CountryShare", {
  description:
    "A brand's production in one country: what the graph records there (factories, productions), or, where it records none, " +
    "what sources say (`claims`). Counts are of recorded factories and productions, never of the brand's output.",
  fields: (t) => ({
    countryCode: t.string("countryCode"),
    countryName: t.string("countryName"),
    recorded: t.boolean("recorded", {
      description:
        "Whether the graph records a factory or a production of the brand there. False: no factory there is recorded, " +
        "only sources saying the brand makes shoes there (see `claims`); the counts are then 0 and say nothing of its output.",
    }),
    claims: t.field(
      [ClaimNode],
      {
        kind: "list",
        rows: ({ row }, alias) => ({
          from: sql`"Claim"`,
          where: sql`${alias}."brandId" = ${row}."brandId" AND ${alias}.topic = 'MADE_IN' AND ${alias}."countryCode" = ${row}."countryCode"`,
          orderBy: [by("id")],
        }),
      },
      { description: "What sources say of the brand making shoes in the country (MADE_IN claims about the brand), each with its source and passage." },
    ),
    productionCount: t.int("productionCount", {
      description: "How many productions (model × country records) the graph holds there: a count of records, not a share of the brand's output.",
    }),
    factoryCount: t.int("factoryCount", {
      description:
        "Recorded operating factories in the country that the brand runs or that make its models (planned and closed ones make nothing): " +
        "a count of records, not of the brand's factories there.",
    }),
    knownVolume: t.int("knownVolume", { nullable: true, description: "Sum of known annual volumes (pairs), null when none is known." }),
    volumeShare: t.float("volumeShare", {
      nullable: true,
      description: "Share (0..1) of the brand's known annual volume, from recorded volumes only; null when no volume is known.",
    }),
  }),
});

const ProductionByCountry: PlannedRef = plannedObject("ProductionByCountry", {
  description:
    "Where a brand makes its shoes, as far as the graph knows: per country, the factories and productions it records (counts of records, " +
    "not of output; shares only of known volumes), and the countries where sources say the brand makes shoes but no factory is recorded; " +
    "beside them the shares sources claim (which may disagree with each other). What is not recorded is unknown, not absent.",
  fields: (t) => ({
    countries: t.field([CountryShare], {
      kind: "list",
      rows: ({ row }) => ({
        from: countriesOfBrand(row),
        orderBy: [by("recorded", "desc"), by("factoryCount", "desc"), by("productionCount", "desc"), by("countryCode")],
      }),
    }, { description: "Recorded countries first (most factories first), then countries only sources' statements name." }),
    claims: t.field(
      [ClaimNode],
      hasMany("Claim", "brandId", [by("id")], (_context, alias) => sql`${alias}.topic IN ('PRODUCTION_SHARE', 'SALES_SHARE')`),
      {
        description:
          "What sources claim about shares per country, of the brand's production (PRODUCTION_SHARE) or of its sales (SALES_SHARE), each with its source, side by side.",
      },
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
