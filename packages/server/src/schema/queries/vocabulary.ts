import { builder } from "../../builder.ts";
import { byName, byPosition } from "../ordering.ts";

builder.queryFields((t) => ({
  processSteps: t.prismaConnection({
    type: "ProcessStep",
    cursor: "id",
    description: "The shared vocabulary of process steps, in canonical order.",
    totalCount: (_connection, _args, { prisma }) => prisma.processStep.count(),
    resolve: (query, _root, _args, { prisma }) => prisma.processStep.findMany({ ...query, orderBy: byPosition() }),
  }),
  processStep: t.prismaField({
    type: "ProcessStep",
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, { prisma }) => prisma.processStep.findUnique({ ...query, where: { slug } }),
  }),
  materials: t.prismaConnection({
    type: "Material",
    cursor: "id",
    description: "Materials, by name.",
    totalCount: (_connection, _args, { prisma }) => prisma.material.count(),
    resolve: (query, _root, _args, { prisma }) => prisma.material.findMany({ ...query, orderBy: byName() }),
  }),
  source: t.prismaField({
    type: "Source",
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, { prisma }) => prisma.source.findUnique({ ...query, where: { slug } }),
  }),
  sources: t.prismaConnection({
    type: "Source",
    cursor: "id",
    description: "Every source the graph cites, by title.",
    totalCount: (_connection, _args, { prisma }) => prisma.source.count(),
    resolve: (query, _root, _args, { prisma }) =>
      prisma.source.findMany({ ...query, orderBy: [{ title: "asc" }, { id: "asc" }] }),
  }),
}));
