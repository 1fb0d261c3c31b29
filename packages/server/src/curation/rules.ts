import { z } from "zod";

/**
 * Rules across fields of an input, applied after each field's own rule
 * (curation/input-fields.ts). Fields left out are not checked.
 */
export function yearsInOrder(start: string, end: string) {
  return z.looseObject({}).superRefine((input, ctx) => {
    const from = input[start];
    const to = input[end];
    if (typeof from === "number" && typeof to === "number" && to < from) {
      ctx.addIssue({ code: "custom", path: [end], message: `must not be before ${start} (${from})` });
    }
  });
}
