import { z } from "zod";
import { expectedVersion, longText, name, notNull, positiveInt, reference, slug } from "./fields.ts";

export const createProcessStepSchema = z.strictObject({
  slug: slug(),
  name,
  position: positiveInt,
  description: longText.nullish(),
});

export const updateProcessStepSchema = z.strictObject({
  id: reference,
  expectedVersion,
  slug: notNull(slug()),
  name: notNull(name),
  position: notNull(positiveInt),
  description: longText.nullish(),
});
