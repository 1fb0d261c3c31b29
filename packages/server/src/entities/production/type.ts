import type { ProductionModel as Production, ProductionStepModel as ProductionStep } from "@solegraph/db";
import { belongsTo, by, computed, hasMany } from "../../read/plans.ts";
import { evidenceOf } from "../../provenance/evidence.ts";
import { ClaimTopicEnum, ProductionEvidenceEnum } from "../../schema/enums.ts";
import { ClaimNode, claimsOf, CLAIMS_DESCRIPTION } from "../claim/type.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { CountryRef } from "../country/type.ts";
import { FactoryNode } from "../factory/type.ts";
import { ProcessStepNode } from "../process-step/type.ts";
import { SneakerModelNode } from "../sneaker-model/type.ts";
import { Citation, citationsOf } from "../source/type.ts";

export const ProductionNode: PlannedRef = plannedObject<Production>("Production", {
  description: "A sneaker model made in a country, at a named factory where the sources name one.",
  table: "Production",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    model: t.field(SneakerModelNode, belongsTo("SneakerModel", "modelId")),
    factory: t.field(FactoryNode, belongsTo("Factory", "factoryId"), { nullable: true, description: "Null when the sources name the country but not the plant." }),
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code"), { description: "Country of manufacture." }),
    labelClaim: t.string("labelClaim", { nullable: true, description: "The origin claim on the label, e.g. \"Made in USA\"." }),
    annualVolume: t.int("annualVolume", { nullable: true, description: "Pairs per year, where known." }),
    startYear: t.int("startYear", { nullable: true }),
    endYear: t.int("endYear", { nullable: true }),
    notes: t.string("notes", { nullable: true }),
    version: t.int("version"),
    createdAt: t.dateTime("createdAt"),
    updatedAt: t.dateTime("updatedAt"),
    route: t.field([ProductionStepNode], hasMany("ProductionStep", "productionId", [by("position"), by("id")]), {
      description: "The ordered process steps performed for this production.",
    }),
    sources: t.field([Citation], citationsOf("ProductionSource", "productionId")),
    evidence: t.field(ProductionEvidenceEnum, computed(({ row }) => evidenceOf(row)), {
      description: "REPORTED when an independent source cites the production; CLAIMED_ONLY when only the brand or marketing copy does.",
    }),
    claims: t.field([ClaimNode], claimsOf("productionId"), {
      description: CLAIMS_DESCRIPTION,
      args: { topic: t.t.arg({ type: ClaimTopicEnum, required: false }) },
    }),
  }),
});

export const ProductionStepNode: PlannedRef = plannedObject<ProductionStep>("ProductionStep", {
  description: "One step of a production's route.",
  table: "ProductionStep",
  node: true,
  fields: (t) => ({
    position: t.int("position", { description: "1-based position in the route." }),
    step: t.field(ProcessStepNode, belongsTo("ProcessStep", "stepId")),
    technique: t.string("technique", { nullable: true, description: "How the step is done here, e.g. strobel stitching." }),
    production: t.field(ProductionNode, belongsTo("Production", "productionId")),
  }),
});
