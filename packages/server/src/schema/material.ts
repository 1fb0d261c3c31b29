import { builder } from "../builder.ts";
import { MaterialKindEnum, ShoeComponentEnum } from "./enums.ts";

export const MaterialNode = builder.prismaNode("Material", {
  description: "A material shoes are made of.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: MaterialKindEnum }),
    description: t.exposeString("description", { nullable: true }),
    version: t.exposeInt("version"),
  }),
});

builder.prismaObject("ModelMaterial", {
  description: "A material used in one component of a model, with its origin where known.",
  fields: (t) => ({
    component: t.expose("component", { type: ShoeComponentEnum }),
    material: t.relation("material"),
    originCountry: t.relation("originCountry", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
  }),
});
