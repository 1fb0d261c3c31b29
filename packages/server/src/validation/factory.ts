import { FactoryStatus, Ownership } from "@solegraph/db";
import { z } from "zod";
import { checkOrdered, count, countryCode, expectedVersion, longText, name, notNull, positiveInt, reference, shortText, slug, year } from "./fields.ts";

const city = shortText.min(1, "must not be blank");

const optionalFields = {
  operatorBrand: reference.nullish(),
  operatorName: shortText.nullish(),
  streetAddress: shortText.nullish(),
  region: shortText.nullish(),
  openedYear: year.nullish(),
  closedYear: year.nullish(),
  workforce: count.nullish(),
  floorAreaSqFt: positiveInt.nullish(),
  weeklyCapacityPairs: count.nullish(),
  notes: longText.nullish(),
};

export const createFactorySchema = z
  .strictObject({
    slug: slug(),
    name,
    ownership: z.enum(Ownership),
    status: z.enum(FactoryStatus),
    city,
    country: countryCode,
    ...optionalFields,
  })
  .superRefine((factory, ctx) => {
    checkOrdered(factory, ctx, "openedYear", "closedYear");
    if (factory.closedYear != null && factory.status !== FactoryStatus.CLOSED) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "must be CLOSED when the factory has a closing year" });
    }
  });

// Rules between fields of an update also involve the stored values: the database's
// CHECKs decide those (reported on the same paths, see curation/constraint-errors.ts).
export const updateFactorySchema = z
  .strictObject({
    id: reference,
    expectedVersion,
    slug: notNull(slug()),
    name: notNull(name),
    ownership: notNull(z.enum(Ownership)),
    status: notNull(z.enum(FactoryStatus)),
    city: notNull(city),
    country: notNull(countryCode),
    ...optionalFields,
  })
  .superRefine((factory, ctx) => checkOrdered(factory, ctx, "openedYear", "closedYear"));
