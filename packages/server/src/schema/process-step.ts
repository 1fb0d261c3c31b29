import { builder } from "../builder.ts";

export const ProcessStepNode = builder.prismaNode("ProcessStep", {
  description: "A manufacturing step from the shared vocabulary (design, sourcing, cutting, ...), in canonical order.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    position: t.exposeInt("position", { description: "Canonical order of the step in a shoe's making (1 = first)." }),
    description: t.exposeString("description", { nullable: true }),
    version: t.exposeInt("version"),
  }),
});
