import { builder } from "../../builder.ts";
import { ConflictError } from "../../curation/errors.ts";
import { resolveReference } from "../../curation/references.ts";
import { snapshots } from "../../curation/snapshots.ts";
import { versionedWrite } from "../../curation/versioned.ts";
import { runWrite, writeAndRead } from "../../curation/write.ts";
import { encodeGlobalID } from "../../global-id.ts";
import { deleteSchema } from "../../validation/delete.ts";
import { createFactorySchema, updateFactorySchema } from "../../validation/factory.ts";
import { given, parsed } from "../../validation/parsed.ts";
import { FactoryStatusEnum, OwnershipEnum } from "../enums.ts";
import { FactoryNode } from "../factory.ts";
import { DeleteInput } from "./delete-input.ts";
import { entityPayload, mutationResult, payloadResult } from "./result.ts";

const CreateFactoryInput = builder.inputType("CreateFactoryInput", {
  fields: (t) => ({
    slug: t.string({ required: true, description: "URL-safe identifier, e.g. \"nb-lawrence\" (unique)." }),
    name: t.string({ required: true }),
    ownership: t.field({ type: OwnershipEnum, required: true }),
    status: t.field({ type: FactoryStatusEnum, required: true }),
    city: t.string({ required: true }),
    country: t.string({ required: true, description: "ISO 3166-1 alpha-2 code." }),
    operatorBrand: t.id({ description: "Slug or global ID of the brand that runs the site (owned plants)." }),
    operatorName: t.string({ description: "The operating company as the sources name it." }),
    streetAddress: t.string(),
    region: t.string(),
    openedYear: t.int(),
    closedYear: t.int({ description: "Only with status CLOSED." }),
    workforce: t.int(),
    floorAreaSqFt: t.int(),
    weeklyCapacityPairs: t.int(),
    notes: t.string(),
  }),
  validate: { schema: createFactorySchema },
});

const UpdateFactoryInput = builder.inputType("UpdateFactoryInput", {
  description: "Fields left out keep their value; null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The factory's global ID or slug." }),
    expectedVersion: t.int({ required: true, description: "The `version` you read." }),
    slug: t.string(),
    name: t.string(),
    ownership: t.field({ type: OwnershipEnum }),
    status: t.field({ type: FactoryStatusEnum }),
    city: t.string(),
    country: t.string({ description: "Moving a factory moves the productions recorded at it (their country follows)." }),
    operatorBrand: t.id(),
    operatorName: t.string(),
    streetAddress: t.string(),
    region: t.string(),
    openedYear: t.int(),
    closedYear: t.int(),
    workforce: t.int(),
    floorAreaSqFt: t.int(),
    weeklyCapacityPairs: t.int(),
    notes: t.string(),
  }),
  validate: { schema: updateFactorySchema },
});

const CreateFactoryPayload = entityPayload("CreateFactory", "factory", FactoryNode);
const UpdateFactoryPayload = entityPayload("UpdateFactory", "factory", FactoryNode);

builder.mutationFields((t) => ({
  createFactory: t.withAuth({ curate: true }).field({
    type: CreateFactoryPayload,
    description: "Adds a factory. Needs a token with the `curate` scope.",
    errors: payloadResult("CreateFactory"),
    args: { input: t.arg({ type: CreateFactoryInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "CreateFactoryPayload", "Factory", async ({ tx, audit }) => {
        const { country, operatorBrand, ...columns } = parsed(createFactorySchema, args.input);
        const operatorBrandId = operatorBrand == null ? null : await resolveReference(tx, "Brand", operatorBrand, ["input", "operatorBrand"]);
        const factory = await tx.factory.create({ data: { ...given(columns), countryCode: country, operatorBrandId } });
        await audit({ entityType: "FACTORY", entityId: factory.id, action: "CREATE", after: await snapshots.factory(tx, factory.id) });
        return factory.id;
      }),
  }),

  updateFactory: t.withAuth({ curate: true }).field({
    type: UpdateFactoryPayload,
    description: "Changes a factory, if it is still at `expectedVersion`.",
    errors: payloadResult("UpdateFactory"),
    args: { input: t.arg({ type: UpdateFactoryInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "UpdateFactoryPayload", "Factory", async ({ tx, audit }) => {
        const { id: reference, expectedVersion, country, operatorBrand, ...columns } = parsed(updateFactorySchema, args.input);
        const id = await resolveReference(tx, "Factory", reference, ["input", "id"]);
        const operatorBrandId =
          operatorBrand == null ? operatorBrand : await resolveReference(tx, "Brand", operatorBrand, ["input", "operatorBrand"]);
        // Productions at the factory share its country through their foreign key, which
        // cascades a move to them: they are versioned and audited like any other write.
        const moved = country === undefined ? [] : await tx.production.findMany({ where: { factoryId: id, countryCode: { not: country } }, select: { id: true } });
        const movedBefore = await Promise.all(moved.map(async ({ id: productionId }) => ({ productionId, before: await snapshots.production(tx, productionId) })));
        const before = await versionedWrite({
          label: `factory "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.factory(tx, id),
          write: () =>
            tx.factory.updateMany({
              where: { id, version: expectedVersion },
              data: { ...given(columns), ...given({ countryCode: country, operatorBrandId }), version: { increment: 1 } },
            }),
        });
        await audit({ entityType: "FACTORY", entityId: id, action: "UPDATE", before, after: await snapshots.factory(tx, id) });
        if (movedBefore.length > 0) {
          await tx.production.updateMany({ where: { id: { in: moved.map((p) => p.id) } }, data: { version: { increment: 1 } } });
          for (const { productionId, before: production } of movedBefore) {
            await audit({ entityType: "PRODUCTION", entityId: productionId, action: "UPDATE", before: production, after: await snapshots.production(tx, productionId) });
          }
        }
        return id;
      }),
  }),

  deleteFactory: t.withAuth({ curate: true }).field({
    type: "ID",
    description: "Deletes a factory with its citations. Refused while productions are recorded at it.",
    errors: mutationResult("DeleteFactory", "deletedId"),
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: (_root, args, context) =>
      runWrite(context, async ({ tx, audit }) => {
        const { id: reference, expectedVersion } = parsed(deleteSchema, args.input);
        const id = await resolveReference(tx, "Factory", reference, ["input", "id"]);
        const productions = await tx.production.count({ where: { factoryId: id } });
        if (productions > 0) {
          throw new ConflictError(
            `${productions} production(s) are recorded at the factory "${reference}"; delete or move them first.`,
            "HAS_DEPENDENTS",
            ["input", "id"],
          );
        }
        const before = await versionedWrite({
          label: `factory "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.factory(tx, id),
          write: () => tx.factory.deleteMany({ where: { id, version: expectedVersion } }),
        });
        await audit({ entityType: "FACTORY", entityId: id, action: "DELETE", before });
        return encodeGlobalID("Factory", id);
      }),
  }),
}));
