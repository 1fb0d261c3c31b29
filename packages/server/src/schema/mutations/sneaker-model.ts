import { builder } from "../../builder.ts";
import { resolveReference } from "../../curation/references.ts";
import { snapshots } from "../../curation/snapshots.ts";
import { versionedWrite } from "../../curation/versioned.ts";
import { runWrite, writeAndRead } from "../../curation/write.ts";
import { encodeGlobalID } from "../../global-id.ts";
import { deleteSchema } from "../../validation/delete.ts";
import { given, parsed } from "../../validation/parsed.ts";
import { createModelSchema, updateModelSchema } from "../../validation/sneaker-model.ts";
import { ModelCategoryEnum } from "../enums.ts";
import { SneakerModelNode } from "../sneaker-model.ts";
import { DeleteInput } from "./delete-input.ts";
import { entityPayload, mutationResult, payloadResult } from "./result.ts";

const CreateModelInput = builder.inputType("CreateModelInput", {
  fields: (t) => ({
    slug: t.string({ required: true, description: "URL-safe identifier, e.g. \"990v6\" (unique)." }),
    name: t.string({ required: true }),
    brand: t.id({ required: true, description: "The brand's slug or global ID." }),
    series: t.string(),
    category: t.field({ type: ModelCategoryEnum }),
    releaseYear: t.int(),
    description: t.string(),
  }),
  validate: { schema: createModelSchema },
});

const UpdateModelInput = builder.inputType("UpdateModelInput", {
  description: "Fields left out keep their value; null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The model's global ID or slug." }),
    expectedVersion: t.int({ required: true, description: "The `version` you read." }),
    slug: t.string(),
    name: t.string(),
    brand: t.id({ description: "The brand's slug or global ID." }),
    series: t.string(),
    category: t.field({ type: ModelCategoryEnum }),
    releaseYear: t.int(),
    description: t.string(),
  }),
  validate: { schema: updateModelSchema },
});

const CreateModelPayload = entityPayload("CreateModel", "model", SneakerModelNode);
const UpdateModelPayload = entityPayload("UpdateModel", "model", SneakerModelNode);

builder.mutationFields((t) => ({
  createModel: t.withAuth({ curate: true }).field({
    type: CreateModelPayload,
    description: "Adds a sneaker model to a brand. Needs a token with the `curate` scope.",
    errors: payloadResult("CreateModel"),
    args: { input: t.arg({ type: CreateModelInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "CreateModelPayload", "SneakerModel", async ({ tx, audit }) => {
        const { brand, ...columns } = parsed(createModelSchema, args.input);
        const brandId = await resolveReference(tx, "Brand", brand, ["input", "brand"]);
        const model = await tx.sneakerModel.create({ data: { ...given(columns), brandId } });
        await audit({ entityType: "SNEAKER_MODEL", entityId: model.id, action: "CREATE", after: await snapshots.sneakerModel(tx, model.id) });
        return model.id;
      }),
  }),

  updateModel: t.withAuth({ curate: true }).field({
    type: UpdateModelPayload,
    description: "Changes a sneaker model, if it is still at `expectedVersion`.",
    errors: payloadResult("UpdateModel"),
    args: { input: t.arg({ type: UpdateModelInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "UpdateModelPayload", "SneakerModel", async ({ tx, audit }) => {
        const { id: reference, expectedVersion, brand, ...columns } = parsed(updateModelSchema, args.input);
        const id = await resolveReference(tx, "SneakerModel", reference, ["input", "id"]);
        const brandId = brand === undefined ? undefined : await resolveReference(tx, "Brand", brand, ["input", "brand"]);
        const before = await versionedWrite({
          label: `model "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.sneakerModel(tx, id),
          write: () =>
            tx.sneakerModel.updateMany({
              where: { id, version: expectedVersion },
              data: { ...given(columns), ...given({ brandId }), version: { increment: 1 } },
            }),
        });
        await audit({ entityType: "SNEAKER_MODEL", entityId: id, action: "UPDATE", before, after: await snapshots.sneakerModel(tx, id) });
        return id;
      }),
  }),

  deleteModel: t.withAuth({ curate: true }).field({
    type: "ID",
    description:
      "Deletes a sneaker model with its productions (and their routes), materials and citations, in one transaction; " +
      "each deleted production gets its own audit record.",
    errors: mutationResult("DeleteModel", "deletedId"),
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: (_root, args, context) =>
      runWrite(context, async ({ tx, audit }) => {
        const { id: reference, expectedVersion } = parsed(deleteSchema, args.input);
        const id = await resolveReference(tx, "SneakerModel", reference, ["input", "id"]);
        const productionIds = (await tx.production.findMany({ where: { modelId: id }, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
        const productions = await Promise.all(productionIds.map(async (productionId) => ({ productionId, before: await snapshots.production(tx, productionId) })));
        const before = await versionedWrite({
          label: `model "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.sneakerModel(tx, id),
          write: () => tx.sneakerModel.deleteMany({ where: { id, version: expectedVersion } }),
        });
        for (const { productionId, before: production } of productions) {
          await audit({ entityType: "PRODUCTION", entityId: productionId, action: "DELETE", before: production });
        }
        await audit({ entityType: "SNEAKER_MODEL", entityId: id, action: "DELETE", before });
        return encodeGlobalID("SneakerModel", id);
      }),
  }),
}));
