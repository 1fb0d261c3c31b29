import type { ChangeEntityType, Prisma } from "@solegraph/db";
import { builder } from "../../builder.ts";
import { NotFoundError, ValidationError } from "../../curation/errors.ts";
import { resolveReference } from "../../curation/references.ts";
import { runWrite } from "../../curation/write.ts";
import { decodeGlobalID } from "../../global-id.ts";
import { citeSchema, unciteSchema } from "../../validation/citation.ts";
import { parsed } from "../../validation/parsed.ts";
import type { GraphQLResolveInfo } from "graphql";
import type { AuthenticatedContext } from "../../context.ts";
import { planPayload } from "../../read/payload.ts";
import { plannedObject } from "../../read/planned-types.ts";
import { BrandNode } from "../brand.ts";
import { FactoryNode } from "../factory.ts";
import { ProductionNode } from "../production.ts";
import { SneakerModelNode } from "../sneaker-model.ts";
import { payloadResult } from "./result.ts";

type Tx = Prisma.TransactionClient;

const CitableFact = builder.unionType("CitableFact", {
  description: "A fact that sources can back.",
  types: [BrandNode, SneakerModelNode, FactoryNode, ProductionNode],
  resolveType: (row) => row["__typename"] as string,
});

/** The cited fact, named by its global ID in the input (known before the write). */
const factPayload = (name: string) =>
  plannedObject(name, {
    description: "The fact, with its citations now.",
    fields: (t) => ({
      fact: t.field(CitableFact, {
        kind: "mixed-row",
        target: ({ scope }) => scope["fact"] as { typename: string; id: number },
      }),
    }),
  });

const CitePayload = factPayload("CitePayload");
const UncitePayload = factPayload("UncitePayload");

/** The payload of cite/uncite, planned before the write (read/payload.ts). */
function planFactPayload(info: GraphQLResolveInfo, context: AuthenticatedContext, payloadType: string, fact: string) {
  const { typename, id } = decodeGlobalID(fact);
  return planPayload(info, context.authentication, payloadType, { fact: { typename, id: Number(id) } });
}

interface CitationTable {
  readonly entityType: ChangeEntityType;
  cite(tx: Tx, id: number, sourceId: number, quote: string | null): Promise<{ quote: string | null }>;
  uncite(tx: Tx, id: number, sourceId: number): Promise<{ count: number }>;
  find(tx: Tx, id: number, sourceId: number): Promise<{ quote: string | null } | null>;
}

type CitableType = "Brand" | "SneakerModel" | "Factory" | "Production";

/**
 * The facts a source can back, each with its own citation table (see schema.prisma):
 * how to add, remove and read a citation, and how the fact is returned.
 */
const citable: Record<CitableType, CitationTable> = {
  Brand: {
    entityType: "BRAND",
    cite: (tx: Tx, id: number, sourceId: number, quote: string | null) => tx.brandSource.create({ data: { brandId: id, sourceId, quote } }),
    uncite: (tx: Tx, id: number, sourceId: number) => tx.brandSource.deleteMany({ where: { brandId: id, sourceId } }),
    find: (tx: Tx, id: number, sourceId: number) => tx.brandSource.findUnique({ where: { brandId_sourceId: { brandId: id, sourceId } } }),
  },
  SneakerModel: {
    entityType: "SNEAKER_MODEL",
    cite: (tx: Tx, id: number, sourceId: number, quote: string | null) => tx.sneakerModelSource.create({ data: { modelId: id, sourceId, quote } }),
    uncite: (tx: Tx, id: number, sourceId: number) => tx.sneakerModelSource.deleteMany({ where: { modelId: id, sourceId } }),
    find: (tx: Tx, id: number, sourceId: number) => tx.sneakerModelSource.findUnique({ where: { modelId_sourceId: { modelId: id, sourceId } } }),
  },
  Factory: {
    entityType: "FACTORY",
    cite: (tx: Tx, id: number, sourceId: number, quote: string | null) => tx.factorySource.create({ data: { factoryId: id, sourceId, quote } }),
    uncite: (tx: Tx, id: number, sourceId: number) => tx.factorySource.deleteMany({ where: { factoryId: id, sourceId } }),
    find: (tx: Tx, id: number, sourceId: number) => tx.factorySource.findUnique({ where: { factoryId_sourceId: { factoryId: id, sourceId } } }),
  },
  Production: {
    entityType: "PRODUCTION",
    cite: (tx: Tx, id: number, sourceId: number, quote: string | null) => tx.productionSource.create({ data: { productionId: id, sourceId, quote } }),
    uncite: (tx: Tx, id: number, sourceId: number) => tx.productionSource.deleteMany({ where: { productionId: id, sourceId } }),
    find: (tx: Tx, id: number, sourceId: number) =>
      tx.productionSource.findUnique({ where: { productionId_sourceId: { productionId: id, sourceId } } }),
  },
};

const CiteInput = builder.inputType("CiteInput", {
  fields: (t) => ({
    fact: t.id({ required: true, description: "Global ID of a Brand, SneakerModel, Factory or Production." }),
    source: t.id({ required: true, description: "The source's slug or global ID." }),
    quote: t.string({ description: "The passage of the source that supports the fact." }),
  }),
  validate: { schema: citeSchema },
});

const UnciteInput = builder.inputType("UnciteInput", {
  fields: (t) => ({
    fact: t.id({ required: true, description: "Global ID of a Brand, SneakerModel, Factory or Production." }),
    source: t.id({ required: true, description: "The source's slug or global ID." }),
  }),
  validate: { schema: unciteSchema },
});

/** The cited fact's type and id, from its global ID. */
async function resolveFact(tx: Tx, fact: string): Promise<{ type: CitableType; id: number }> {
  const { typename } = decodeGlobalID(fact);
  if (!Object.hasOwn(citable, typename)) {
    throw ValidationError.at(["input", "fact"], "must be the global ID of a Brand, SneakerModel, Factory or Production");
  }
  const type = typename as CitableType;
  return { type, id: await resolveReference(tx, type, fact, ["input", "fact"]) };
}

builder.mutationFields((t) => ({
  cite: t.withAuth({ curate: true }).field({
    type: CitePayload,
    description: "Records that a source backs a fact, with the supporting quote. Citing the same source twice is a conflict.",
    errors: payloadResult("Cite"),
    args: { input: t.arg({ type: CiteInput, required: true }) },
    resolve: (_root, args, context, info) => {
      const payload = planFactPayload(info, context, "CitePayload", args.input.fact);
      return runWrite(context, async ({ tx, audit }) => {
        const input = parsed(citeSchema, args.input);
        const fact = await resolveFact(tx, input.fact);
        const sourceId = await resolveReference(tx, "Source", input.source, ["input", "source"]);
        const table = citable[fact.type];
        const citation = await table.cite(tx, fact.id, sourceId, input.quote ?? null);
        const source = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { slug: true } });
        await audit({ entityType: table.entityType, entityId: fact.id, action: "CITE", after: { source: source.slug, quote: citation.quote } });
        return payload.load(tx);
      });
    },
  }),

  uncite: t.withAuth({ curate: true }).field({
    type: UncitePayload,
    description: "Removes a source's citation from a fact.",
    errors: payloadResult("Uncite"),
    args: { input: t.arg({ type: UnciteInput, required: true }) },
    resolve: (_root, args, context, info) => {
      const payload = planFactPayload(info, context, "UncitePayload", args.input.fact);
      return runWrite(context, async ({ tx, audit }) => {
        const input = parsed(unciteSchema, args.input);
        const fact = await resolveFact(tx, input.fact);
        const sourceId = await resolveReference(tx, "Source", input.source, ["input", "source"]);
        const table = citable[fact.type];
        const citation = await table.find(tx, fact.id, sourceId);
        const { count } = await table.uncite(tx, fact.id, sourceId);
        if (!citation || count === 0) {
          throw new NotFoundError(`The fact does not cite "${input.source}".`, ["input", "source"], input.source);
        }
        const source = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { slug: true } });
        await audit({ entityType: table.entityType, entityId: fact.id, action: "UNCITE", before: { source: source.slug, quote: citation.quote } });
        return payload.load(tx);
      });
    },
  }),
}));
