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
    listedFrom: t.date("listedFrom", {
      nullable: true,
      description: "For a brand's dated lists (disclosures): the as-of date of the first list that named the factory; null for undated lists.",
    }),
    listedUntil: t.date("listedUntil", {
      nullable: true,
      description: "The as-of date of the first later list of the brand that no longer names the factory; null while it is still listed.",
    }),
  }),
});

/** `Factory.brandRelations`: by brand, then source, in the order they were recorded. */
export const brandRelationsOfFactory = hasMany("BrandFactory", "factoryId", [by("brandId"), by("sourceId")]);
