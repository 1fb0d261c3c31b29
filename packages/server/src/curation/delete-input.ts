import { builder } from "../builder.ts";
import { expectedVersionRule, inputRules, referenceRule } from "./input-fields.ts";

export const DeleteInput = builder.inputType("DeleteInput", {
  description: "What to delete, and the version you read, so a delete never discards changes you have not seen.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The entity's global ID or slug." }),
    expectedVersion: t.int({ required: true, description: "The `version` you read; a newer one makes this a STALE_VERSION conflict." }),
  }),
  validate: inputRules({ id: { rule: referenceRule }, expectedVersion: { rule: expectedVersionRule } }),
});
