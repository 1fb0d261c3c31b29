import { rules } from "@solegraph/db";
import { defineEntity } from "../../curation/entity.ts";
import { CITATIONS_SNAPSHOT } from "../../curation/snapshots.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { ProcessStepNode } from "./type.ts";

const { ProcessStep } = rules.COLUMNS;

export const processStep = defineEntity({
  typename: "ProcessStep",
  model: "ProcessStep",
  label: "process step",
  changeType: "PROCESS_STEP",
  citations: { model: "ProcessStepSource", key: "stepId" },
  snapshot: { sources: CITATIONS_SNAPSHOT },
  node: () => ProcessStepNode,
});

curatedMutations({
  entity: processStep,
  node: ProcessStepNode,
  payloadField: "processStep",
  fields: {
    slug: { type: "String", rule: ProcessStep.slug, required: true, description: "URL-safe identifier, e.g. \"lasting\" (unique)." },
    name: { type: "String", rule: ProcessStep.name, required: true },
    position: { type: "Int", rule: ProcessStep.position, required: true, description: "Canonical order in a shoe's making (1 = first; unique)." },
    description: { type: "String", rule: ProcessStep.description },
  },
  create: { name: "createProcessStep", description: "Adds a step to the shared process vocabulary." },
  update: { name: "updateProcessStep", description: "Changes a process step." },
});
