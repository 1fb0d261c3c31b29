import { z } from "zod";
import { countryCode, expectedVersion, httpUrl, longText, name, notNull, reference, shortText, slug, year } from "./fields.ts";

const optionalFields = {
  description: longText.nullish(),
  headquartersCity: shortText.nullish(),
  headquartersRegion: shortText.nullish(),
  country: countryCode.nullish(),
  foundedYear: year.nullish(),
  website: httpUrl.nullish(),
};

export const createBrandSchema = z.strictObject({ slug: slug(), name, ...optionalFields });

export const updateBrandSchema = z.strictObject({
  id: reference,
  expectedVersion,
  slug: notNull(slug()),
  name: notNull(name),
  ...optionalFields,
});
