import type { FactoryModel as Factory } from "@solegraph/db";
import { belongsTo, by, hasManyConnection } from "../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../read/planned-types.ts";
import { sql } from "../read/sql.ts";
import { BrandNode } from "./brand.ts";
import { CountryRef } from "./country.ts";
import { FactoryStatusEnum, OwnershipEnum } from "./enums.ts";
import { ProcessStepNode } from "./process-step.ts";
import { ProductionNode } from "./production.ts";
import { Citation, citationsOf } from "./source.ts";

export const FactoryNode: PlannedRef = plannedObject<Factory>("Factory", {
  description: "A production site.",
  table: "Factory",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    operatorBrand: t.field(BrandNode, belongsTo("Brand", "operatorBrandId"), { nullable: true, description: "The brand that runs the site, for owned plants." }),
    operatorName: t.string("operatorName", { nullable: true, description: "The operating company as the sources name it." }),
    ownership: t.enum(OwnershipEnum, "ownership"),
    status: t.enum(FactoryStatusEnum, "status"),
    streetAddress: t.string("streetAddress", { nullable: true }),
    city: t.string("city"),
    region: t.string("region", { nullable: true }),
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code")),
    openedYear: t.int("openedYear", { nullable: true, description: "Year production began (planned year for PLANNED sites)." }),
    closedYear: t.int("closedYear", { nullable: true }),
    workforce: t.int("workforce", { nullable: true }),
    floorAreaSqFt: t.int("floorAreaSqFt", { nullable: true }),
    weeklyCapacityPairs: t.int("weeklyCapacityPairs", { nullable: true }),
    notes: t.string("notes", { nullable: true }),
    version: t.int("version"),
    createdAt: t.dateTime("createdAt"),
    updatedAt: t.dateTime("updatedAt"),
    productions: t.connection(connectionOf(ProductionNode, "Production"), hasManyConnection("Production", "factoryId", []), {
      description: "Models made here.",
    }),
    processSteps: t.field(
      [ProcessStepNode],
      {
        kind: "list",
        rows: ({ row }) => ({
          from: sql`(SELECT DISTINCT s.* FROM "ProcessStep" s JOIN "ProductionStep" r ON r."stepId" = s.id
                      JOIN "Production" p ON p.id = r."productionId" WHERE p."factoryId" = ${row}.id)`,
          orderBy: [by("position"), by("id")],
        }),
      },
      { description: "The process steps performed here, from the routes of its productions, in canonical order." },
    ),
    sources: t.field([Citation], citationsOf("FactorySource", "factoryId")),
  }),
});

