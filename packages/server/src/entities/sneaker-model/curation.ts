import { rules } from "@solegraph/db";
import { CITATIONS_SNAPSHOT, CLAIMS_SNAPSHOT } from "../../curation/snapshots.ts";
import { defineEntity, snapshotOf } from "../../curation/entity.ts";
import { referenceRule } from "../../curation/input-fields.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { ModelCategoryEnum } from "../../schema/enums.ts";
import { production } from "../production/curation.ts";
import { SneakerModelNode } from "./type.ts";

const { SneakerModel } = rules.COLUMNS;

export const sneakerModel = defineEntity({
  typename: "SneakerModel",
  model: "SneakerModel",
  label: "model",
  changeType: "SNEAKER_MODEL",
  node: () => SneakerModelNode,
  citations: { model: "SneakerModelSource", key: "modelId" },
  snapshot: {
    sources: CITATIONS_SNAPSHOT,
    claims: CLAIMS_SNAPSHOT,
    materials: { select: { component: true, originCountryCode: true, note: true, material: { select: { slug: true } } }, orderBy: { id: "asc" } },
  },
});

curatedMutations({
  entity: sneakerModel,
  node: SneakerModelNode,
  payloadField: "model",
  fields: {
    slug: { type: "String", rule: SneakerModel.slug, required: true, description: "URL-safe identifier, e.g. \"990v6\" (unique)." },
    name: { type: "String", rule: SneakerModel.name, required: true },
    brand: { type: "ID", rule: referenceRule, required: true, references: "Brand", column: "brandId", description: "The brand's slug or global ID." },
    series: { type: "String", rule: SneakerModel.series },
    category: { type: ModelCategoryEnum, rule: SneakerModel.category },
    releaseYear: { type: "Int", rule: SneakerModel.releaseYear },
    description: { type: "String", rule: SneakerModel.description },
  },
  create: { name: "createModel", description: "Adds a sneaker model to a brand." },
  update: { name: "updateModel", description: "Changes a sneaker model." },
  delete: {
    name: "deleteModel",
    description:
      "Deletes a sneaker model with its productions (and their routes), materials and citations, in one transaction; " +
      "each deleted production gets its own audit record.",
    before: async (write, { id }) => {
      const productions = await write.tx.production.findMany({ where: { modelId: id }, select: { id: true }, orderBy: { id: "asc" } });
      const before = await Promise.all(productions.map(async ({ id: productionId }) => ({ productionId, snapshot: await snapshotOf(write.tx, production, productionId) })));
      return async () => {
        for (const { productionId, snapshot } of before) {
          await write.audit({ entityType: production.changeType, entityId: productionId, action: "DELETE", before: snapshot });
        }
      };
    },
  },
});
