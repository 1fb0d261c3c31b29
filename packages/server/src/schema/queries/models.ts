import type { Prisma } from "@solegraph/db";
import { builder } from "../../builder.ts";
import { ModelCategoryEnum, OrderDirection } from "../enums.ts";

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

builder.queryFields((t) => ({
  model: t.prismaField({
    type: "SneakerModel",
    nullable: true,
    description: "A sneaker model by slug, or null.",
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, { prisma }) => prisma.sneakerModel.findUnique({ ...query, where: { slug } }),
  }),
  models: t.prismaConnection({
    type: "SneakerModel",
    cursor: "id",
    description: "Sneaker models, filtered and ordered (by name unless `orderBy` says otherwise).",
    args: {
      filter: t.arg({ type: ModelFilter, required: false }),
      orderBy: t.arg({ type: ModelOrder, required: false }),
    },
    totalCount: (_connection, { filter }, { prisma }) => prisma.sneakerModel.count({ where: modelWhere(filter) }),
    resolve: (query, _root, { filter, orderBy }, { prisma }) =>
      prisma.sneakerModel.findMany({
        ...query,
        where: modelWhere(filter),
        orderBy: [{ [orderBy?.field ?? "name"]: orderBy?.direction ?? "asc" }, { id: "asc" }],
      }),
  }),
}));

type ModelFilterInput = (typeof ModelFilter)["$inferInput"];

function modelWhere(filter: ModelFilterInput | null | undefined): Prisma.SneakerModelWhereInput {
  if (!filter) return {};
  const and: Prisma.SneakerModelWhereInput[] = [];
  if (filter.brand != null) and.push({ brand: { slug: filter.brand } });
  if (filter.series != null) and.push({ series: { equals: filter.series, mode: "insensitive" } });
  if (filter.category != null) and.push({ category: filter.category });
  if (filter.madeIn != null) and.push({ productions: { some: { countryCode: filter.madeIn.toUpperCase() } } });
  if (filter.labelClaim != null) {
    and.push({ productions: { some: { labelClaim: { equals: filter.labelClaim, mode: "insensitive" } } } });
  }
  if (filter.search != null) {
    const contains = { contains: filter.search, mode: "insensitive" } as const;
    and.push({ OR: [{ name: contains }, { slug: contains }, { series: contains }] });
  }
  return { AND: and };
}
