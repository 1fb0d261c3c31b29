import type { FactoryModel as Factory } from "@solegraph/db";
import { belongsTo, by, hasManyConnection } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { sql, type Sql } from "../../read/sql.ts";
import { BrandNode } from "../brand/type.ts";
import { CountryRef } from "../country/type.ts";
import { ClaimTopicEnum, FactoryRoleEnum, FactoryStatusEnum, OrderDirection, OwnershipEnum } from "../../schema/enums.ts";
import { SupplierGroupNode } from "../supplier-group/type.ts";
import { disclosureFilterConditions, ListedEnum } from "./disclosure-filters.ts";
import { ClaimNode, claimsOf, CLAIMS_DESCRIPTION } from "../claim/type.ts";
import { ProcessStepNode } from "../process-step/type.ts";
import { ProductionNode } from "../production/type.ts";
import { Citation, citationsOf } from "../source/type.ts";
import type { OrderTerm } from "../../read/plan.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { textValue } from "../../read/values.ts";
import { builder } from "../../builder.ts";
import { allOf, equalsInsensitive, rowBySlug } from "../../read/filters.ts";
import { BrandFactoryRelation, brandRelationsOfFactory } from "../brand-factory/type.ts";
import { nearCondition, NearInput } from "./near.ts";
import { factoriesOfBrand } from "./brand-membership.ts";
import { countryCount } from "./country-count.ts";

/** A point on the Earth. Only facts have sources: this is part of a factory's. */
const Location: PlannedRef = plannedObject<Factory>("Location", {
  description: "A point on the Earth, WGS 84 degrees.",
  fields: (t) => ({
    latitude: t.float("latitude"),
    longitude: t.float("longitude"),
  }),
});
export const FactoryNode: PlannedRef = plannedObject<Factory>("Factory", {
  description: "A production site.",
  table: "Factory",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    operatorBrand: t.field(BrandNode, belongsTo("Brand", "operatorBrandId"), { nullable: true, description: "The brand that runs the site, for owned plants." }),
    operatorName: t.string("operatorName", { nullable: true, description: "The operating company as the sources name it." }),
    ownership: t.enum(OwnershipEnum, "ownership", { nullable: true, description: "OWNED or CONTRACT; null when no source says (a facility list without a brand)." }),
    status: t.enum(FactoryStatusEnum, "status"),
    streetAddress: t.string("streetAddress", { nullable: true }),
    city: t.string("city", { nullable: true, description: "Null when the sources give the address on one line only (see `address`)." }),
    region: t.string("region", { nullable: true }),
    address: t.string("address", { nullable: true, description: "The full postal address on one line, as facility lists give it." }),
    location: t.field(
      Location,
      // The factory's own row, when it has coordinates (they come in pairs).
      { kind: "row", rows: ({ row }, alias) => ({ from: sql`(SELECT ${row}.latitude, ${row}.longitude)`, where: sql`${alias}.latitude IS NOT NULL` }) },
      { nullable: true, description: "Where the site is, when a source gives coordinates." },
    ),
    sectors: t.field(["String"], { kind: "value", value: ({ row }) => sql`to_json(coalesce(${row}.sectors, '{}'))` }, {
      description: "What the site makes, as facility lists name it (\"Footwear\", \"Apparel\").",
    }),
    roles: t.field([FactoryRoleEnum], { kind: "value", value: ({ row }) => sql`to_json(coalesce(${row}.roles, '{}'))` }, {
      description: "Its place in the supply chain as supplier lists name it (finished-goods assembly, components, materials); empty when no list says.",
    }),
    supplierGroup: t.field(SupplierGroupNode, belongsTo("SupplierGroup", "supplierGroupId"), {
      nullable: true,
      description: "The parent company a supplier list names for it.",
    }),
    osId: t.string("osId", { nullable: true, description: "Open Supply Hub's identifier for the facility, when a list gave it." }),
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code")),
    openedYear: t.int("openedYear", { nullable: true, description: "The year production began; always null while the site is PLANNED." }),
    plannedOpeningYear: t.int("plannedOpeningYear", { nullable: true, description: "The year production was announced to begin." }),
    closedYear: t.int("closedYear", { nullable: true }),
    workforce: t.int("workforce", { nullable: true, description: "People working there, as of `workforceYear`." }),
    workforceYear: t.int("workforceYear", { nullable: true, description: "The year the workforce figure held." }),
    lineWorkers: t.int("lineWorkers", { nullable: true, description: "Line (production) workers, as of `workerFiguresYear`." }),
    femaleWorkersPercent: t.float("femaleWorkersPercent", { nullable: true, description: "Share of the workforce that is female, 0-100, as of `workerFiguresYear`." }),
    migrantWorkersPercent: t.float("migrantWorkersPercent", { nullable: true, description: "Share of the workforce that is migrant, 0-100, as of `workerFiguresYear`." }),
    workerFiguresYear: t.int("workerFiguresYear", { nullable: true, description: "The year the line-worker and share figures held (a supplier list's date)." }),
    floorAreaSqFt: t.int("floorAreaSqFt", { nullable: true }),
    weeklyCapacityPairs: t.int("weeklyCapacityPairs", { nullable: true, description: "Pairs per week, as of `weeklyCapacityYear`." }),
    weeklyCapacityYear: t.int("weeklyCapacityYear", { nullable: true, description: "The year the capacity figure held." }),
    notes: t.string("notes", { nullable: true }),
    version: t.int("version"),
    createdAt: t.dateTime("createdAt"),
    updatedAt: t.dateTime("updatedAt"),
    productions: t.connection(connectionOf(ProductionNode, "Production"), hasManyConnection("Production", "factoryId", []), {
      description: "Models made here.",
    }),
    processSteps: t.field(
      [ProcessStepNode],
      {
        kind: "list",
        rows: ({ row }) => ({
          from: sql`(SELECT DISTINCT s.* FROM "ProcessStep" s JOIN "ProductionStep" r ON r."stepId" = s.id
                      JOIN "Production" p ON p.id = r."productionId" WHERE p."factoryId" = ${row}.id)`,
          orderBy: [by("position"), by("id")],
        }),
      },
      { description: "The process steps performed here, from the routes of its productions, in canonical order." },
    ),
    sources: t.field([Citation], citationsOf("FactorySource", "factoryId")),
    brandRelations: t.field([BrandFactoryRelation], brandRelationsOfFactory, {
      description: "Brands' relations to the site (contract or owned), each as a source states it.",
    }),
    claims: t.field([ClaimNode], claimsOf("factoryId"), {
      description: CLAIMS_DESCRIPTION,
      args: { topic: t.t.arg({ type: ClaimTopicEnum, required: false }) },
    }),
  }),
});

// Root fields.
const FactoryFilter = builder.inputType("FactoryFilter", {
  description: "Every field given must match.",
  fields: (t) => ({
    brand: t.string({ description: "Brand slug: factories the brand operates, that make its models, or that a source relates to it (facility lists)." }),
    country: t.field({ type: "CountryCode", description: "ISO 3166-1 alpha-2 country code." }),
    region: t.string({ description: "Region or state, e.g. \"Maine\" (case-insensitive)." }),
    status: t.field({ type: FactoryStatusEnum }),
    ownership: t.field({ type: OwnershipEnum }),
    performsStep: t.string({ description: "Process step slug, e.g. \"stitching\": some production's route here has it." }),
    near: t.field({ type: NearInput, description: "Within a distance of a point (factories with coordinates only)." }),
    sector: t.string({ description: "What the site makes, as facility lists name it, e.g. \"footwear\" (case-insensitive)." }),
    role: t.field({ type: FactoryRoleEnum, description: "Its place in the supply chain, as supplier lists name it." }),
    supplierGroup: t.string({ description: "Supplier group slug or name (case, spaces and punctuation aside)." }),
    listed: t.field({
      type: ListedEnum,
      description: "With `brand`: CURRENT, factories the brand's latest lists name; EVER, every factory a list of the brand ever named.",
    }),
  }),
});

const FactoryOrderField = builder.enumType("FactoryOrderField", {
  values: {
    NAME: { value: "name" },
    SLUG: { value: "slug" },
    OPENED_YEAR: { value: "openedYear" },
    WORKFORCE: { value: "workforce" },
    COUNTRY: { value: "countryCode" },
  } as const,
});

const FactoryOrder = builder.inputType("FactoryOrder", {
  fields: (t) => ({
    field: t.field({ type: FactoryOrderField, required: true }),
    direction: t.field({ type: OrderDirection, defaultValue: "asc" }),
  }),
});

type FactoryFilterInput = (typeof FactoryFilter)["$inferInput"];
type FactoryOrderInput = (typeof FactoryOrder)["$inferInput"];

plannedQueryFields((t) => ({
  factory: t.field(FactoryNode, rowBySlug("Factory"), {
    nullable: true,
    description: "A factory by slug, or null.",
    args: { slug: t.t.arg.string({ required: true }) },
  }),
  factories: t.connection(
    connectionOf(FactoryNode, "Factory"),
    {
      kind: "connection",
      table: "Factory",
      rows: ({ args }, alias) => ({
        from: factoriesFrom(args["filter"] as FactoryFilterInput | null | undefined),
        where: factoryWhere(args["filter"] as FactoryFilterInput | null | undefined, alias),
        orderBy: factoryOrder(args["orderBy"] as FactoryOrderInput | null | undefined),
        count: countryCount(args["filter"] as FactoryFilterInput | null | undefined),
      }),
    },
    {
      description: "Factories, filtered and ordered (by name unless `orderBy` says otherwise).",
      args: {
        filter: t.t.arg({ type: FactoryFilter, required: false }),
        orderBy: t.t.arg({ type: FactoryOrder, required: false }),
      },
    },
  ),
}));

// Unknown years and workforces sort last, whichever the direction.
const NULLS_LAST = new Set(["openedYear", "workforce"]);

function factoryOrder(order: FactoryOrderInput | null | undefined): OrderTerm[] {
  const field = order?.field ?? "name";
  const nullable = NULLS_LAST.has(field);
  return [by(field, order?.direction ?? "asc", nullable ? { nullable, nulls: "last" } : {})];
}

/** The rows the filter starts from: a brand's factories when it names a brand, else every factory. */
function factoriesFrom(filter: FactoryFilterInput | null | undefined): Sql {
  return filter?.brand != null ? factoriesOfBrand(textValue(filter.brand)) : sql`"Factory"`;
}

function factoryWhere(filter: FactoryFilterInput | null | undefined, f: Sql): Sql | undefined {
  if (!filter) return undefined;
  return allOf([
    // bpchar like the column: compared as text, the column is cast and its index is unusable.
    filter.country != null ? sql`${f}."countryCode" = upper(${textValue(filter.country)})::bpchar` : undefined,
    filter.region != null ? equalsInsensitive(sql`${f}.region`, filter.region) : undefined,
    filter.status != null ? sql`${f}.status = ${textValue(filter.status)}::"FactoryStatus"` : undefined,
    filter.ownership != null ? sql`${f}.ownership = ${textValue(filter.ownership)}::"Ownership"` : undefined,
    filter.performsStep != null
      ? sql`EXISTS (SELECT 1 FROM "Production" p JOIN "ProductionStep" r ON r."productionId" = p.id JOIN "ProcessStep" s ON s.id = r."stepId"
                    WHERE p."factoryId" = ${f}.id AND s.slug = ${textValue(filter.performsStep)})`
      : undefined,
    filter.near != null ? nearCondition(filter.near, f) : undefined,
    ...disclosureFilterConditions(filter, f),
  ]);
}
