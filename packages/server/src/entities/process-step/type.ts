import type { ProcessStepModel as ProcessStep } from "@solegraph/db";
import { BY_POSITION } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { rowBySlug, wholeTable } from "../../read/filters.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { Citation, citationsOf } from "../source/type.ts";

export const ProcessStepNode: PlannedRef = plannedObject<ProcessStep>("ProcessStep", {
  description: "A manufacturing step from the shared vocabulary (design, sourcing, cutting, ...), in canonical order.",
  table: "ProcessStep",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    position: t.int("position", { description: "Canonical order of the step in a shoe's making (1 = first)." }),
    description: t.string("description", {
      nullable: true,
      description: "What the step is, as sources describe the process in general (see `sources`): not a statement about any one factory.",
    }),
    sources: t.field([Citation], citationsOf("ProcessStepSource", "stepId"), { description: "The general descriptions of the process the description rests on." }),
    version: t.int("version"),
  }),
});

// Root fields.
plannedQueryFields((t) => ({
  processSteps: t.connection(connectionOf(ProcessStepNode, "ProcessStep"), wholeTable("ProcessStep", BY_POSITION), {
    description: "The shared vocabulary of process steps, in canonical order.",
  }),
  processStep: t.field(ProcessStepNode, rowBySlug("ProcessStep"), { nullable: true, args: { slug: t.t.arg.string({ required: true }) } }),
}));
