import { rules, type Prisma } from "@solegraph/db";
import { CITATIONS_SNAPSHOT, CLAIMS_SNAPSHOT } from "../../curation/snapshots.ts";
import { defineEntity } from "../../curation/entity.ts";
import { ConflictError, ValidationError } from "../../curation/errors.ts";
import { referenceRule } from "../../curation/input-fields.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { resolveReference } from "../../curation/references.ts";
import { yearsInOrder } from "../../curation/rules.ts";
import { ProductionNode } from "./type.ts";
import { RouteStepInput, routeRule, writeRoute } from "./route.ts";

const { Production } = rules.COLUMNS;

export const production = defineEntity({
  typename: "Production",
  model: "Production",
  label: "production",
  changeType: "PRODUCTION",
  node: () => ProductionNode,
  citations: { model: "ProductionSource", key: "productionId", required: true },
  snapshot: {
    route: { select: { position: true, technique: true, step: { select: { slug: true } } }, orderBy: { position: "asc" } },
    sources: CITATIONS_SNAPSHOT,
    claims: CLAIMS_SNAPSHOT,
  },
});

type Route = readonly { step: string; position: number; technique?: string | null }[];

curatedMutations({
  entity: production,
  node: ProductionNode,
  payloadField: "production",
  fields: {
    model: { type: "ID", rule: referenceRule, required: true, createOnly: true, references: "SneakerModel", column: "modelId", description: "The model's slug or global ID." },
    factory: {
      type: "ID",
      rule: referenceRule,
      column: "factoryId",
      virtual: true,
      description: "The factory's slug or global ID, when the sources name it; null when they name none (the country stays).",
    },
    country: {
      type: "CountryCode",
      rule: Production.countryCode,
      column: "countryCode",
      virtual: true,
      description: "ISO 3166-1 alpha-2 code; required without a factory, else the factory's country.",
    },
    slug: { type: "String", rule: Production.slug, description: "Defaults to \"<model slug>-<factory slug or country code>\"." },
    labelClaim: { type: "String", rule: Production.labelClaim, description: "The origin claim on the label, e.g. \"Made in USA\"." },
    annualVolume: { type: "Int", rule: Production.annualVolume, description: "Pairs per year, where known." },
    startYear: { type: "Int", rule: Production.startYear },
    endYear: { type: "Int", rule: Production.endYear },
    notes: { type: "String", rule: Production.notes },
    route: { type: [RouteStepInput], rule: routeRule, virtual: true, description: "The process steps performed there, in order; on update it replaces the whole route." },
  },
  create: {
    name: "recordProduction",
    description: "Records where a model is made, with its route and the sources that say so (at least one), in one transaction.",
    inputDescription: "A model made at a factory, or in a country when the sources name no factory.",
    validate: yearsInOrder("startYear", "endYear").superRefine((input, ctx) => {
      if (input["factory"] == null && input["country"] == null) ctx.addIssue({ code: "custom", path: ["country"], message: "is required when no factory is named" });
    }),
    write: async ({ tx }, input, columns) => {
      const modelId = columns["modelId"] as number;
      const country = input["country"] as string | null | undefined;
      const factory = await namedFactory(tx, input["factory"] as string | null | undefined, country);
      if (factory) {
        // Said before the derived slug could collide: that message would mislead.
        const existing = await tx.production.findUnique({ where: { modelId_factoryId: { modelId, factoryId: factory.id } }, select: { slug: true } });
        if (existing) {
          throw new ConflictError(`The model is already recorded at this factory (production "${existing.slug}"); update that one instead.`, "ALREADY_EXISTS", ["input", "factory"]);
        }
      }
      const countryCode = factory?.countryCode ?? country!;
      const modelSlug = (await tx.sneakerModel.findUniqueOrThrow({ where: { id: modelId }, select: { slug: true } })).slug;
      const slug = (columns["slug"] as string | undefined) ?? `${modelSlug}-${factory?.slug ?? countryCode.toLowerCase()}`.slice(0, rules.PRODUCTION_SLUG_MAX).replace(/-+$/, "");
      const created = await tx.production.create({
        data: { ...(columns as Omit<Prisma.ProductionUncheckedCreateInput, "slug" | "countryCode">), slug, modelId, factoryId: factory?.id ?? null, countryCode },
        select: { id: true },
      });
      await writeRoute(tx, created.id, (input["route"] as Route | null | undefined) ?? []);
      return created.id;
    },
  },
  update: {
    name: "updateProduction",
    description: "Changes a production (and replaces its route when one is given).",
    inputDescription: "Fields left out keep their value; null clears an optional one. A route given replaces the whole route.",
    validate: yearsInOrder("startYear", "endYear").superRefine((input, ctx) => {
      if (input["country"] === null) ctx.addIssue({ code: "custom", path: ["country"], message: "cannot be null; leave it out to keep the current value" });
      if (input["route"] === null) ctx.addIssue({ code: "custom", path: ["route"], message: "cannot be null; leave it out to keep the current value" });
    }),
    before: async ({ tx }, { id, input, columns }) => {
      Object.assign(columns, await placeChange(tx, id, input["factory"] as string | null | undefined, input["country"] as string | undefined));
    },
    alongside: async ({ tx }, { id, input }) => {
      const route = input["route"] as Route | undefined;
      if (route === undefined) return;
      await tx.productionStep.deleteMany({ where: { productionId: id } });
      await writeRoute(tx, id, route);
    },
  },
  delete: { name: "deleteProduction", description: "Deletes a production with its route, citations and claims, in one transaction." },
});

/** The factory a production names, checked against the country it also gives. */
async function namedFactory(tx: Prisma.TransactionClient, reference: string | null | undefined, country: string | null | undefined) {
  if (reference == null) return null;
  const factory = await tx.factory.findUniqueOrThrow({
    where: { id: await resolveReference(tx, "Factory", reference, ["input", "factory"]) },
    select: { id: true, slug: true, countryCode: true },
  });
  if (country != null && country !== factory.countryCode) {
    throw ValidationError.at(["input", "country"], `is ${country}, but the factory is in ${factory.countryCode}`);
  }
  return factory;
}

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
    const factory = (await namedFactory(tx, factoryRef, country))!;
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

