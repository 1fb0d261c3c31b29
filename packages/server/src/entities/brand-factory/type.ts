import type { BrandFactoryModel as BrandFactory } from "@solegraph/db";
import { belongsTo, by, hasMany } from "../../read/plans.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { OwnershipEnum } from "../../schema/enums.ts";
import { BrandNode } from "../brand/type.ts";
import { SourceNode } from "../source/type.ts";

/**
 * A brand's relation to a factory as one source states it (facility lists record these):
 * not a node, it is read from the factory; two sources that disagree are both listed.
 */
export const BrandFactoryRelation: PlannedRef = plannedObject<BrandFactory>("BrandFactoryRelation", {
  description: "A brand's relation to a factory, as one source states it.",
  fields: (t) => ({
    brand: t.field(BrandNode, belongsTo("Brand", "brandId")),
    relation: t.enum(OwnershipEnum, "relation", { description: "OWNED: the brand's own site; CONTRACT: its products are made there under contract." }),
    source: t.field(SourceNode, belongsTo("Source", "sourceId"), { description: "The source that states it (a facility list)." }),
  }),
});

/** `Factory.brandRelations`: by brand, then source, in the order they were recorded. */
export const brandRelationsOfFactory = hasMany("BrandFactory", "factoryId", [by("brandId"), by("sourceId")]);
