import { z } from "zod";
import { httpUrl, name, shortText, slug } from "./fields.ts";

export const createSourceSchema = z.strictObject({
  slug: slug(),
  title: name,
  publisher: shortText.nullish(),
  url: httpUrl.nullish(),
  publishedOn: z.date().nullish(),
});
