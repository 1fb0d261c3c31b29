import type { CountryModel as Country } from "@solegraph/db";
import { columnValue } from "../../read/plans.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";

export const CountryRef: PlannedRef = plannedObject<Country>("Country", {
  description: "A country by its ISO 3166-1 alpha-2 code.",
  fields: (t) => ({
    code: t.field("CountryCode", columnValue("code")),
    name: t.string("name"),
  }),
});
