import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.ts";
import type { AuthenticatedContext } from "../context.ts";
import { decodeGlobalID } from "../global-id.ts";
import { planPayload } from "../read/payload.ts";
import { plannedObject, type PlannedRow } from "../read/planned-types.ts";
import { rules } from "@solegraph/db";
import { LOCATOR_DESCRIPTION, QUOTE_DESCRIPTION, RETRIEVED_ON_DESCRIPTION, STATEMENT_DESCRIPTION, writeCitation } from "./citation-input.ts";
import { citableEntities, delegateOf, entityNamed, type Entity } from "./entity.ts";
import { ConflictError, NotFoundError, ValidationError } from "./errors.ts";
import { inputRules, referenceRule, registerColumns } from "./input-fields.ts";
import { payloadResult } from "./payloads.ts";
import { resolveReference } from "./references.ts";
import { runWrite, type Write } from "./write.ts";

/**
 * `cite` and `uncite`: which sources back a fact. Every entity declared with
 * `citations` (curation/entity.ts) can be cited; its citations live in its own table,
 * so both sides keep real foreign keys.
 */
const CitableFact = builder.unionType("CitableFact", {
  description: "A fact that sources can back.",
  types: () => citableEntities().map((entity) => entity.node()),
  resolveType: (row) => (row as PlannedRow)["__typename"] as string,
});

/** The cited fact, named by its global ID in the input (known before the write). */
const factPayload = (name: string) =>
  plannedObject(name, {
    description: "The fact, with its citations now.",
    fields: (t) => ({
      fact: t.field(CitableFact, { kind: "mixed-row", target: ({ scope }) => scope["fact"] as { typename: string; id: number } }),
    }),
  });

const CitePayload = factPayload("CitePayload");
const UncitePayload = factPayload("UncitePayload");

const FACT_DESCRIPTION = "Global ID of the fact: a Brand, SneakerModel, Factory, Production or ProcessStep.";

const CiteInput = builder.inputType("CiteInput", {
  fields: (t) => ({
    fact: t.id({ required: true, description: FACT_DESCRIPTION }),
    source: t.id({ required: true, description: "The source's slug or global ID." }),
    locator: t.string({ required: true, description: LOCATOR_DESCRIPTION }),
    statement: t.string({ required: true, description: STATEMENT_DESCRIPTION }),
    retrievedOn: t.field({ type: "Date", description: RETRIEVED_ON_DESCRIPTION }),
    quote: t.string({ description: QUOTE_DESCRIPTION }),
    supports: t.stringList({ description: "The fact's fields the passage states, e.g. [\"workforce\"]; leave out when it backs the fact as a whole." }),
  }),
  validate: inputRules({
    fact: { rule: referenceRule },
    source: { rule: referenceRule },
    locator: { rule: rules.COLUMNS.Citation.locator },
    statement: { rule: rules.COLUMNS.Citation.statement },
    quote: { rule: rules.COLUMNS.Citation.quote },
    supports: { rule: rules.COLUMNS.Citation.supports },
  }),
});

const UnciteInput = builder.inputType("UnciteInput", {
  fields: (t) => ({
    fact: t.id({ required: true, description: FACT_DESCRIPTION }),
    source: t.id({ required: true, description: "The source's slug or global ID." }),
  }),
  validate: inputRules({ fact: { rule: referenceRule }, source: { rule: referenceRule } }),
});

// A source cited twice is refused by the citation table's key: reported on `source`.
for (const entity of citableEntities()) registerColumns(entity.citations!.model, { source: { type: "ID", column: "sourceId" } });

type CitableEntity = Entity & { citations: NonNullable<Entity["citations"]> };

/** The fact a cite/uncite names, resolved. */
async function citedFact(write: Write, fact: string): Promise<{ entity: CitableEntity; factId: number }> {
  const entity = entityNamed(decodeGlobalID(fact).typename);
  if (!entity?.citations) {
    throw ValidationError.at(["input", "fact"], "must be the global ID of a Brand, SneakerModel, Factory, Production or ProcessStep");
  }
  return { entity: entity as CitableEntity, factId: await resolveReference(write.tx, entity, fact, ["input", "fact"]) };
}

function planFactPayload(info: GraphQLResolveInfo, context: AuthenticatedContext, payloadType: string, fact: string) {
  const { typename, id } = decodeGlobalID(fact);
  return planPayload(info, context, payloadType, { fact: { typename, id: Number(id) } });
}

builder.mutationFields((t) => ({
  cite: t.field({
    requiresScope: "curate",
    type: CitePayload,
    description:
      "Records that a source backs a fact: where the passage that says it is (`locator`), what it states in our words, and the fields it states. " +
      "Citing the same source twice is a conflict.",
    errors: payloadResult("Cite"),
    args: { input: t.arg({ type: CiteInput, required: true }) },
    resolve: (_root, args, context, info) => {
      const curator = context as AuthenticatedContext; // requiresScope made sure
      const payload = planFactPayload(info, curator, "CitePayload", args.input.fact);
      return runWrite(curator, async (write): Promise<PlannedRow> => {
        const { entity, factId } = await citedFact(write, args.input.fact);
        const { sourceSlug, locator, statement, retrievedOn, quote, supports } = await writeCitation(write, entity, factId, args.input, ["input"]);
        await write.audit({ entityType: entity.changeType, entityId: factId, action: "CITE", after: { source: sourceSlug, locator, statement, retrievedOn, quote, supports } });
        return payload.load(write.tx);
      });
    },
  }),

  uncite: t.field({
    requiresScope: "curate",
    type: UncitePayload,
    description: "Removes a source's citation from a fact. A factory or a production keeps at least one: removing its last is a LAST_CITATION conflict.",
    errors: payloadResult("Uncite"),
    args: { input: t.arg({ type: UnciteInput, required: true }) },
    resolve: (_root, args, context, info) => {
      const curator = context as AuthenticatedContext; // requiresScope made sure
      const payload = planFactPayload(info, curator, "UncitePayload", args.input.fact);
      return runWrite(curator, async (write): Promise<PlannedRow> => {
        const { entity, factId } = await citedFact(write, args.input.fact);
        const sourceId = await resolveReference(write.tx, "Source", args.input.source, ["input", "source"]);
        const { slug: sourceSlug } = await write.tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { slug: true } });
        // Concurrent uncites of one fact queue here, so each counts what the other left.
        await write.tx.$queryRawUnsafe(`SELECT id FROM "${entity.model}" WHERE id = $1 FOR UPDATE`, factId);
        const table = delegateOf(write.tx, entity.citations.model);
        const where = { [entity.citations.key]: factId, sourceId };
        const [cited] = await table.findMany({ where, select: { locator: true, statement: true, retrievedOn: true, quote: true, supports: true } });
        if (!cited) throw new NotFoundError(`The fact does not cite "${args.input.source}".`, ["input", "source"], args.input.source);
        if (entity.citations.required && (await table.count({ where: { [entity.citations.key]: factId } })) === 1) {
          throw new ConflictError(
            `"${sourceSlug}" is the ${entity.label}'s last citation: a ${entity.label} always cites a source. Cite another source first, or delete the ${entity.label}.`,
            "LAST_CITATION",
            ["input", "source"],
          );
        }
        const { count } = await table.deleteMany({ where });
        if (count === 0) throw new NotFoundError(`The fact does not cite "${args.input.source}".`, ["input", "source"], args.input.source);
        await write.audit({ entityType: entity.changeType, entityId: factId, action: "UNCITE", before: { source: sourceSlug, ...cited } });
        return payload.load(write.tx);
      });
    },
  }),
}));

