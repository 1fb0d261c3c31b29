import { builder } from "../../builder.ts";
import { byName } from "../ordering.ts";
import type { Prisma } from "@solegraph/db";

builder.queryFields((t) => ({
  brand: t.prismaField({
    type: "Brand",
    nullable: true,
    description: "A brand by slug, or null.",
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, { prisma }) => prisma.brand.findUnique({ ...query, where: { slug } }),
  }),
  brands: t.prismaConnection({
    type: "Brand",
    cursor: "id",
    description: "Brands by name; `search` matches part of the name, case-insensitively.",
    args: { search: t.arg.string({ required: false }) },
    totalCount: (_connection, { search }, { prisma }) => prisma.brand.count({ where: brandWhere(search) }),
    resolve: (query, _root, { search }, { prisma }) =>
      prisma.brand.findMany({ ...query, where: brandWhere(search), orderBy: byName() }),
  }),
}));

function brandWhere(search: string | null | undefined): Prisma.BrandWhereInput {
  return search ? { name: { contains: search, mode: "insensitive" } } : {};
}
