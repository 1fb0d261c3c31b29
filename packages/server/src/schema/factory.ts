import { builder } from "../builder.ts";
import { distinctBy } from "../provenance/made-in.ts";
import { FactoryStatusEnum, OwnershipEnum } from "./enums.ts";
import { ProcessStepNode } from "./process-step.ts";
import { Citation, citationSelect } from "./source.ts";

export const FactoryNode = builder.prismaNode("Factory", {
  description: "A production site.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    operatorBrand: t.relation("operatorBrand", { nullable: true, description: "The brand that runs the site, for owned plants." }),
    operatorName: t.exposeString("operatorName", { nullable: true, description: "The operating company as the sources name it." }),
    ownership: t.expose("ownership", { type: OwnershipEnum }),
    status: t.expose("status", { type: FactoryStatusEnum }),
    streetAddress: t.exposeString("streetAddress", { nullable: true }),
    city: t.exposeString("city"),
    region: t.exposeString("region", { nullable: true }),
    country: t.relation("country"),
    openedYear: t.exposeInt("openedYear", { nullable: true, description: "Year production began (planned year for PLANNED sites)." }),
    closedYear: t.exposeInt("closedYear", { nullable: true }),
    workforce: t.exposeInt("workforce", { nullable: true }),
    floorAreaSqFt: t.exposeInt("floorAreaSqFt", { nullable: true }),
    weeklyCapacityPairs: t.exposeInt("weeklyCapacityPairs", { nullable: true }),
    notes: t.exposeString("notes", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    productions: t.relatedConnection("productions", {
      description: "Models made here.",
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ id: "asc" }] }),
    }),
    processSteps: t.field({
      type: [ProcessStepNode],
      description: "The process steps performed here, from the routes of its productions, in canonical order.",
      select: { productions: { select: { route: { select: { step: true } } } } },
      resolve: (factory) =>
        distinctBy(
          factory.productions.flatMap((p) => p.route.map((r) => r.step)),
          (step) => step.id,
        ).sort((a, b) => a.position - b.position),
    }),
    sources: t.field({
      type: [Citation],
      select: { sources: citationSelect },
      resolve: (factory) => factory.sources,
    }),
  }),
});
