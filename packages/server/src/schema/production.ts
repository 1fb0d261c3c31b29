import { builder } from "../builder.ts";
import { byPosition } from "./ordering.ts";
import { Citation, citationSelect } from "./source.ts";

export const ProductionNode = builder.prismaNode("Production", {
  description: "A sneaker model made in a country, at a named factory where the sources name one.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    model: t.relation("model"),
    factory: t.relation("factory", { nullable: true, description: "Null when the sources name the country but not the plant." }),
    country: t.relation("country", { description: "Country of manufacture." }),
    labelClaim: t.exposeString("labelClaim", { nullable: true, description: "The origin claim on the label, e.g. \"Made in USA\"." }),
    annualVolume: t.exposeInt("annualVolume", { nullable: true, description: "Pairs per year, where known." }),
    startYear: t.exposeInt("startYear", { nullable: true }),
    endYear: t.exposeInt("endYear", { nullable: true }),
    notes: t.exposeString("notes", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    route: t.relation("route", {
      description: "The ordered process steps performed for this production.",
      query: { orderBy: byPosition() },
    }),
    sources: t.field({
      type: [Citation],
      select: { sources: citationSelect },
      resolve: (production) => production.sources,
    }),
  }),
});

builder.prismaNode("ProductionStep", {
  description: "One step of a production's route.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    position: t.exposeInt("position", { description: "1-based position in the route." }),
    step: t.relation("step"),
    technique: t.exposeString("technique", { nullable: true, description: "How the step is done here, e.g. strobel stitching." }),
    production: t.relation("production"),
  }),
});
