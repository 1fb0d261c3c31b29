import type { ProcessStepModel as ProcessStep } from "@solegraph/db";
import { plannedObject, type PlannedRef } from "../read/planned-types.ts";

export const ProcessStepNode: PlannedRef = plannedObject<ProcessStep>("ProcessStep", {
  description: "A manufacturing step from the shared vocabulary (design, sourcing, cutting, ...), in canonical order.",
  table: "ProcessStep",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    position: t.int("position", { description: "Canonical order of the step in a shoe's making (1 = first)." }),
    description: t.string("description", { nullable: true }),
    version: t.int("version"),
  }),
});
