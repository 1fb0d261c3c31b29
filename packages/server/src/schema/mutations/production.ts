import type { Prisma } from "@solegraph/db";
import { builder } from "../../builder.ts";
import { ConflictError, ValidationError } from "../../curation/errors.ts";
import { resolveReference } from "../../curation/references.ts";
import { writeRoute } from "../../curation/route.ts";
import { snapshots } from "../../curation/snapshots.ts";
import { versionedWrite } from "../../curation/versioned.ts";
import { runWrite, writeAndRead } from "../../curation/write.ts";
import { encodeGlobalID } from "../../global-id.ts";
import { deleteSchema } from "../../validation/delete.ts";
import { PRODUCTION_SLUG_MAX } from "../../validation/fields.ts";
import { given, parsed } from "../../validation/parsed.ts";
import { recordProductionSchema, updateProductionSchema } from "../../validation/production.ts";
import { ProductionNode } from "../production.ts";
import { DeleteInput } from "./delete-input.ts";
import { entityPayload, mutationResult, payloadResult } from "./result.ts";

const RouteStepInput = builder.inputType("RouteStepInput", {
  description: "One step of a production's route.",
  fields: (t) => ({
    step: t.id({ required: true, description: "The process step's slug (e.g. \"lasting\") or global ID." }),
    position: t.int({ required: true, description: "1-based; a route's positions run 1..n without gaps." }),
    technique: t.string({ description: "How the step is done here, e.g. \"strobel stitching\"." }),
  }),
});

const RecordProductionInput = builder.inputType("RecordProductionInput", {
  description: "A model made at a factory, or in a country when the sources name no factory.",
  fields: (t) => ({
    model: t.id({ required: true, description: "The model's slug or global ID." }),
    factory: t.id({ description: "The factory's slug or global ID, when the sources name it." }),
    country: t.string({ description: "ISO 3166-1 alpha-2 code; required without a factory, else the factory's country." }),
    slug: t.string({ description: "Defaults to \"<model slug>-<factory slug or country code>\"." }),
    labelClaim: t.string({ description: "The origin claim on the label, e.g. \"Made in USA\"." }),
    annualVolume: t.int({ description: "Pairs per year, where known." }),
    startYear: t.int(),
    endYear: t.int(),
    notes: t.string(),
    route: t.field({ type: [RouteStepInput], description: "The process steps performed there, in order." }),
  }),
  validate: { schema: recordProductionSchema },
});

const UpdateProductionInput = builder.inputType("UpdateProductionInput", {
  description: "Fields left out keep their value; null clears an optional one. A route given replaces the whole route.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The production's global ID or slug." }),
    expectedVersion: t.int({ required: true, description: "The `version` you read." }),
    slug: t.string(),
    factory: t.id({ description: "The factory's slug or global ID; null when the sources name none (the country stays)." }),
    country: t.string({ description: "ISO 3166-1 alpha-2 code; must be the factory's when there is one." }),
    labelClaim: t.string(),
    annualVolume: t.int(),
    startYear: t.int(),
    endYear: t.int(),
    notes: t.string(),
    route: t.field({ type: [RouteStepInput] }),
  }),
  validate: { schema: updateProductionSchema },
});

const RecordProductionPayload = entityPayload("RecordProduction", "production", ProductionNode);
const UpdateProductionPayload = entityPayload("UpdateProduction", "production", ProductionNode);

builder.mutationFields((t) => ({
  recordProduction: t.withAuth({ curate: true }).field({
    type: RecordProductionPayload,
    description: "Records where a model is made, with its route, in one transaction. Needs a token with the `curate` scope.",
    errors: payloadResult("RecordProduction"),
    args: { input: t.arg({ type: RecordProductionInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "RecordProductionPayload", "Production", async ({ tx, audit }) => {
        const { model, factory: factoryRef, country, slug, route, ...columns } = parsed(recordProductionSchema, args.input);
        const modelId = await resolveReference(tx, "SneakerModel", model, ["input", "model"]);
        const factory =
          factoryRef == null
            ? null
            : await tx.factory.findUniqueOrThrow({
                where: { id: await resolveReference(tx, "Factory", factoryRef, ["input", "factory"]) },
                select: { id: true, slug: true, countryCode: true },
              });
        if (factory && country != null && country !== factory.countryCode) {
          throw ValidationError.at(["input", "country"], `is ${country}, but the factory is in ${factory.countryCode}`);
        }
        if (factory) {
          // Said before the derived slug could collide: that message would mislead.
          const existing = await tx.production.findUnique({ where: { modelId_factoryId: { modelId, factoryId: factory.id } }, select: { slug: true } });
          if (existing) {
            throw new ConflictError(
              `The model is already recorded at this factory (production "${existing.slug}"); update that one instead.`,
              "ALREADY_EXISTS",
              ["input", "factory"],
            );
          }
        }
        const countryCode = factory?.countryCode ?? country;
        if (countryCode == null) throw ValidationError.at(["input", "country"], "is required when no factory is named");
        const modelSlug = (await tx.sneakerModel.findUniqueOrThrow({ where: { id: modelId }, select: { slug: true } })).slug;
        const production = await tx.production.create({
          data: {
            ...given(columns),
            slug: slug ?? `${modelSlug}-${factory?.slug ?? countryCode.toLowerCase()}`.slice(0, PRODUCTION_SLUG_MAX).replace(/-+$/, ""),
            modelId,
            factoryId: factory?.id ?? null,
            countryCode,
          },
        });
        await writeRoute(tx, production.id, route ?? []);
        await audit({ entityType: "PRODUCTION", entityId: production.id, action: "CREATE", after: await snapshots.production(tx, production.id) });
        return production.id;
      }),
  }),

  updateProduction: t.withAuth({ curate: true }).field({
    type: UpdateProductionPayload,
    description: "Changes a production (and replaces its route when one is given), if it is still at `expectedVersion`.",
    errors: payloadResult("UpdateProduction"),
    args: { input: t.arg({ type: UpdateProductionInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "UpdateProductionPayload", "Production", async ({ tx, audit }) => {
        const { id: reference, expectedVersion, factory: factoryRef, country, route, ...columns } = parsed(updateProductionSchema, args.input);
        const id = await resolveReference(tx, "Production", reference, ["input", "id"]);
        const place = await placeChange(tx, id, factoryRef, country);
        const before = await versionedWrite({
          label: `production "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.production(tx, id),
          write: () =>
            tx.production.updateMany({
              where: { id, version: expectedVersion },
              data: { ...given(columns), ...given(place), version: { increment: 1 } },
            }),
        });
        if (route !== undefined) {
          await tx.productionStep.deleteMany({ where: { productionId: id } });
          await writeRoute(tx, id, route);
        }
        await audit({ entityType: "PRODUCTION", entityId: id, action: "UPDATE", before, after: await snapshots.production(tx, id) });
        return id;
      }),
  }),

  deleteProduction: t.withAuth({ curate: true }).field({
    type: "ID",
    description: "Deletes a production with its route and citations, in one transaction.",
    errors: mutationResult("DeleteProduction", "deletedId"),
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: (_root, args, context) =>
      runWrite(context, async ({ tx, audit }) => {
        const { id: reference, expectedVersion } = parsed(deleteSchema, args.input);
        const id = await resolveReference(tx, "Production", reference, ["input", "id"]);
        const before = await versionedWrite({
          label: `production "${reference}"`,
          path: ["input", "id"],
          reference,
          expectedVersion,
          read: () => snapshots.production(tx, id),
          write: () => tx.production.deleteMany({ where: { id, version: expectedVersion } }),
        });
        await audit({ entityType: "PRODUCTION", entityId: id, action: "DELETE", before });
        return encodeGlobalID("Production", id);
      }),
  }),
}));

/**
 * The factory and country columns an update sets. A production's country is its
 * factory's whenever it names one (a composite foreign key holds them equal), so the
 * two are decided together.
 */
async function placeChange(
  tx: Prisma.TransactionClient,
  productionId: number,
  factoryRef: string | null | undefined,
  country: string | undefined,
): Promise<{ factoryId?: number | null; countryCode?: string }> {
  if (factoryRef === null) return country === undefined ? { factoryId: null } : { factoryId: null, countryCode: country };
  if (factoryRef !== undefined) {
    const factory = await tx.factory.findUniqueOrThrow({
      where: { id: await resolveReference(tx, "Factory", factoryRef, ["input", "factory"]) },
      select: { id: true, countryCode: true },
    });
    if (country !== undefined && country !== factory.countryCode) {
      throw ValidationError.at(["input", "country"], `is ${country}, but the factory is in ${factory.countryCode}`);
    }
    return { factoryId: factory.id, countryCode: factory.countryCode };
  }
  if (country === undefined) return {};
  const current = await tx.production.findUnique({ where: { id: productionId }, select: { factoryId: true, countryCode: true } });
  if (current?.factoryId != null && current.countryCode !== country) {
    throw ValidationError.at(
      ["input", "country"],
      `is ${country}, but the production's factory is in ${current.countryCode}: name another factory, or set \`factory\` to null`,
    );
  }
  return { countryCode: country };
}
