import { builder } from "../../builder.ts";
import { resolveReference } from "../../curation/references.ts";
import { snapshots } from "../../curation/snapshots.ts";
import { versionedWrite } from "../../curation/versioned.ts";
import { runWrite, writeAndRead } from "../../curation/write.ts";
import { given, parsed } from "../../validation/parsed.ts";
import { createProcessStepSchema, updateProcessStepSchema } from "../../validation/process-step.ts";
import { ProcessStepNode } from "../process-step.ts";
import { entityPayload, mutationResult, payloadResult } from "./result.ts";

const CreateProcessStepInput = builder.inputType("CreateProcessStepInput", {
  fields: (t) => ({
    slug: t.string({ required: true, description: "URL-safe identifier, e.g. \"lasting\" (unique)." }),
    name: t.string({ required: true }),
    position: t.int({ required: true, description: "Canonical order in a shoe's making (1 = first); unique." }),
    description: t.string(),
  }),
  validate: { schema: createProcessStepSchema },
});

const UpdateProcessStepInput = builder.inputType("UpdateProcessStepInput", {
  description: "Fields left out keep their value; null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The step's global ID or slug." }),
    expectedVersion: t.int({ required: true, description: "The `version` you read." }),
    slug: t.string(),
    name: t.string(),
    position: t.int(),
    description: t.string(),
  }),
  validate: { schema: updateProcessStepSchema },
});

const CreateProcessStepPayload = entityPayload("CreateProcessStep", "processStep", ProcessStepNode);
const UpdateProcessStepPayload = entityPayload("UpdateProcessStep", "processStep", ProcessStepNode);

builder.mutationFields((t) => ({
  createProcessStep: t.withAuth({ curate: true }).field({
    type: CreateProcessStepPayload,
    description: "Adds a step to the shared process vocabulary. Needs a token with the `curate` scope.",
    errors: payloadResult("CreateProcessStep"),
    args: { input: t.arg({ type: CreateProcessStepInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "CreateProcessStepPayload", "ProcessStep", async ({ tx, audit }) => {
        const input = parsed(createProcessStepSchema, args.input);
        const step = await tx.processStep.create({ data: given(input) });
        await audit({ entityType: "PROCESS_STEP", entityId: step.id, action: "CREATE", after: step });
        return step.id;
      }),
  }),

  updateProcessStep: t.withAuth({ curate: true }).field({
    type: UpdateProcessStepPayload,
    description: "Changes a process step, if it is still at `expectedVersion`.",
    errors: payloadResult("UpdateProcessStep"),
    args: { input: t.arg({ type: UpdateProcessStepInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "UpdateProcessStepPayload", "ProcessStep", async ({ tx, audit }) => {
        const { id: reference, expectedVersion, ...columns } = parsed(updateProcessStepSchema, args.input);
        const id = await resolveReference(tx, "ProcessStep", reference, ["input", "id"]);
        const before = await versionedWrite({
          label: `process step "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.processStep(tx, id),
          write: () => tx.processStep.updateMany({ where: { id, version: expectedVersion }, data: { ...given(columns), version: { increment: 1 } } }),
        });
        const after = await tx.processStep.findUniqueOrThrow({ where: { id } });
        await audit({ entityType: "PROCESS_STEP", entityId: id, action: "UPDATE", before, after });
        return after.id;
      }),
  }),
}));
