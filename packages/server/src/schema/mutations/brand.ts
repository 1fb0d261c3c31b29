import { builder } from "../../builder.ts";
import { ConflictError } from "../../curation/errors.ts";
import { resolveReference } from "../../curation/references.ts";
import { snapshots } from "../../curation/snapshots.ts";
import { versionedWrite } from "../../curation/versioned.ts";
import { runWrite, writeAndRead } from "../../curation/write.ts";
import { encodeGlobalID } from "../../global-id.ts";
import { createBrandSchema, updateBrandSchema } from "../../validation/brand.ts";
import { deleteSchema } from "../../validation/delete.ts";
import { given, parsed } from "../../validation/parsed.ts";
import { BrandNode } from "../brand.ts";
import { DeleteInput } from "./delete-input.ts";
import { entityPayload, mutationResult, payloadResult } from "./result.ts";

const CreateBrandInput = builder.inputType("CreateBrandInput", {
  fields: (t) => ({
    slug: t.string({ required: true, description: "URL-safe identifier, e.g. \"new-balance\" (unique)." }),
    name: t.string({ required: true }),
    description: t.string(),
    headquartersCity: t.string(),
    headquartersRegion: t.string(),
    country: t.string({ description: "ISO 3166-1 alpha-2 code of the headquarters' country." }),
    foundedYear: t.int(),
    website: t.string({ description: "An http(s) URL." }),
  }),
  validate: { schema: createBrandSchema },
});

const UpdateBrandInput = builder.inputType("UpdateBrandInput", {
  description: "Fields left out keep their value; null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The brand's global ID or slug." }),
    expectedVersion: t.int({ required: true, description: "The `version` you read." }),
    slug: t.string(),
    name: t.string(),
    description: t.string(),
    headquartersCity: t.string(),
    headquartersRegion: t.string(),
    country: t.string(),
    foundedYear: t.int(),
    website: t.string(),
  }),
  validate: { schema: updateBrandSchema },
});

const CreateBrandPayload = entityPayload("CreateBrand", "brand", BrandNode);
const UpdateBrandPayload = entityPayload("UpdateBrand", "brand", BrandNode);

builder.mutationFields((t) => ({
  createBrand: t.withAuth({ curate: true }).field({
    type: CreateBrandPayload,
    description: "Adds a brand. Needs a token with the `curate` scope.",
    errors: payloadResult("CreateBrand"),
    args: { input: t.arg({ type: CreateBrandInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "CreateBrandPayload", "Brand", async ({ tx, audit }) => {
        const { country, ...columns } = parsed(createBrandSchema, args.input);
        const brand = await tx.brand.create({ data: { ...given(columns), countryCode: country ?? null } });
        await audit({ entityType: "BRAND", entityId: brand.id, action: "CREATE", after: await snapshots.brand(tx, brand.id) });
        return brand.id;
      }),
  }),

  updateBrand: t.withAuth({ curate: true }).field({
    type: UpdateBrandPayload,
    description: "Changes a brand, if it is still at `expectedVersion`.",
    errors: payloadResult("UpdateBrand"),
    args: { input: t.arg({ type: UpdateBrandInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "UpdateBrandPayload", "Brand", async ({ tx, audit }) => {
        const { id: reference, expectedVersion, country, ...columns } = parsed(updateBrandSchema, args.input);
        const id = await resolveReference(tx, "Brand", reference, ["input", "id"]);
        const before = await versionedWrite({
          label: `brand "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.brand(tx, id),
          write: () =>
            tx.brand.updateMany({
              where: { id, version: expectedVersion },
              data: { ...given(columns), ...given({ countryCode: country }), version: { increment: 1 } },
            }),
        });
        await audit({ entityType: "BRAND", entityId: id, action: "UPDATE", before, after: await snapshots.brand(tx, id) });
        return id;
      }),
  }),

  deleteBrand: t.withAuth({ curate: true }).field({
    type: "ID",
    description: "Deletes a brand with its claims and citations. Refused while it has models or operates factories.",
    errors: mutationResult("DeleteBrand", "deletedId"),
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: (_root, args, context) =>
      runWrite(context, async ({ tx, audit }) => {
        const { id: reference, expectedVersion } = parsed(deleteSchema, args.input);
        const id = await resolveReference(tx, "Brand", reference, ["input", "id"]);
        const [models, factories] = await Promise.all([
          tx.sneakerModel.count({ where: { brandId: id } }),
          tx.factory.count({ where: { operatorBrandId: id } }),
        ]);
        if (models + factories > 0) {
          throw new ConflictError(
            `The brand "${reference}" still has ${models} model(s) and operates ${factories} factory(ies); delete or reassign them first.`,
            "HAS_DEPENDENTS",
            ["input", "id"],
          );
        }
        const before = await versionedWrite({
          label: `brand "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.brand(tx, id),
          write: () => tx.brand.deleteMany({ where: { id, version: expectedVersion } }),
        });
        await audit({ entityType: "BRAND", entityId: id, action: "DELETE", before });
        return encodeGlobalID("Brand", id);
      }),
  }),
}));
