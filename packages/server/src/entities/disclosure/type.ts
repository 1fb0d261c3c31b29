import type { DisclosureModel as Disclosure } from "@solegraph/db";
import { belongsTo, by } from "../../read/plans.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { sql } from "../../read/sql.ts";
import { FactoryNode } from "../factory/type.ts";
import { SourceNode } from "../source/type.ts";

/**
 * A brand's supplier list as of a date (one import of one source) and what it changed
 * against the brand's earlier lists. Factories are those of the brand and of its sister
 * brands the list names.
 */
export const DisclosureRef: PlannedRef = plannedObject<Disclosure>("Disclosure", {
  description: "A brand's published supplier list as of a date, and what changed since the brand's previous one.",
  fields: (t) => ({
    source: t.field(SourceNode, belongsTo("Source", "sourceId"), { description: "The list, with its publisher, URL and licence." }),
    asOf: t.date("asOf", { description: "The date the list holds as of." }),
    factoryCount: t.int("factoryCount", { description: "Factories the list names." }),
    added: t.int("added", { description: "Factories it lists that the brand's previous list did not (all of them for a first list)." }),
    dropped: t.int("dropped", { description: "Factories the previous list named that this one no longer does: their relations end at this date." }),
    addedFactories: t.field(
      [FactoryNode],
      {
        kind: "list",
        rows: ({ row }) => ({
          from: sql`(SELECT f.* FROM "Factory" f WHERE f.id IN (SELECT r."factoryId" FROM "BrandFactory" r WHERE r."sourceId" = ${row}."sourceId" AND r."listedFrom" = ${row}."asOf"))`,
          orderBy: [by("name"), by("id")],
        }),
      },
      { description: "The factories added, by name." },
    ),
    droppedFactories: t.field(
      [FactoryNode],
      {
        kind: "list",
        rows: ({ row }) => ({
          from: sql`(SELECT f.* FROM "Factory" f WHERE f.id IN (
                      SELECT r."factoryId" FROM "BrandFactory" r JOIN "Disclosure" d ON d."sourceId" = r."sourceId"
                       WHERE d."brandId" = ${row}."brandId" AND r."listedUntil" = ${row}."asOf"))`,
          orderBy: [by("name"), by("id")],
        }),
      },
      { description: "The factories no longer listed, by name." },
    ),
  }),
});
