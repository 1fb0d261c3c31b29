import { ModelCategory } from "@solegraph/db";
import { z } from "zod";
import { expectedVersion, longText, name, notNull, reference, shortText, slug, year } from "./fields.ts";

const optionalFields = {
  series: shortText.nullish(),
  category: z.enum(ModelCategory).nullish(),
  releaseYear: year.nullish(),
  description: longText.nullish(),
};

export const createModelSchema = z.strictObject({ slug: slug(), name, brand: reference, ...optionalFields });

export const updateModelSchema = z.strictObject({
  id: reference,
  expectedVersion,
  slug: notNull(slug()),
  name: notNull(name),
  brand: notNull(reference),
  ...optionalFields,
});
