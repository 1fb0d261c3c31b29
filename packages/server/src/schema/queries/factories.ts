import type { Prisma } from "@solegraph/db";
import { builder } from "../../builder.ts";
import { FactoryStatusEnum, OrderDirection, OwnershipEnum } from "../enums.ts";

const FactoryFilter = builder.inputType("FactoryFilter", {
  description: "Every field given must match.",
  fields: (t) => ({
    brand: t.string({ description: "Brand slug: factories the brand operates or that make its models." }),
    country: t.field({ type: "CountryCode", description: "ISO 3166-1 alpha-2 country code." }),
    region: t.string({ description: "Region or state, e.g. \"Maine\" (case-insensitive)." }),
    status: t.field({ type: FactoryStatusEnum }),
    ownership: t.field({ type: OwnershipEnum }),
    performsStep: t.string({ description: "Process step slug, e.g. \"stitching\": some production's route here has it." }),
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

builder.queryFields((t) => ({
  factory: t.prismaField({
    type: "Factory",
    nullable: true,
    description: "A factory by slug, or null.",
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, { prisma }) => prisma.factory.findUnique({ ...query, where: { slug } }),
  }),
  factories: t.prismaConnection({
    type: "Factory",
    cursor: "id",
    description: "Factories, filtered and ordered (by name unless `orderBy` says otherwise).",
    args: {
      filter: t.arg({ type: FactoryFilter, required: false }),
      orderBy: t.arg({ type: FactoryOrder, required: false }),
    },
    totalCount: (_connection, { filter }, { prisma }) => prisma.factory.count({ where: factoryWhere(filter) }),
    resolve: (query, _root, { filter, orderBy }, { prisma }) =>
      prisma.factory.findMany({
        ...query,
        where: factoryWhere(filter),
        orderBy: [factoryOrder(orderBy?.field ?? "name", orderBy?.direction ?? "asc"), { id: "asc" }],
      }),
  }),
}));

type FactoryFilterInput = (typeof FactoryFilter)["$inferInput"];

function factoryWhere(filter: FactoryFilterInput | null | undefined): Prisma.FactoryWhereInput {
  if (!filter) return {};
  const and: Prisma.FactoryWhereInput[] = [];
  if (filter.brand != null) {
    and.push({
      OR: [
        { operatorBrand: { slug: filter.brand } },
        { productions: { some: { model: { brand: { slug: filter.brand } } } } },
      ],
    });
  }
  if (filter.country != null) and.push({ countryCode: filter.country.toUpperCase() });
  if (filter.region != null) and.push({ region: { equals: filter.region, mode: "insensitive" } });
  if (filter.status != null) and.push({ status: filter.status });
  if (filter.ownership != null) and.push({ ownership: filter.ownership });
  if (filter.performsStep != null) {
    and.push({ productions: { some: { route: { some: { step: { slug: filter.performsStep } } } } } });
  }
  return { AND: and };
}

const NULLABLE_ORDER_FIELDS = new Set(["openedYear", "workforce"]);

// Unknown years and workforces sort last, whichever the direction.
function factoryOrder(field: string, direction: "asc" | "desc"): Prisma.FactoryOrderByWithRelationInput {
  return { [field]: NULLABLE_ORDER_FIELDS.has(field) ? { sort: direction, nulls: "last" } : direction };
}
