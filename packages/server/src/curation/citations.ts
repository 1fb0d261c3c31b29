import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.ts";
import type { AuthenticatedContext } from "../context.ts";
import { decodeGlobalID } from "../global-id.ts";
import { planPayload } from "../read/payload.ts";
import { plannedObject, type PlannedRow } from "../read/planned-types.ts";
import { rules } from "@solegraph/db";
import { citableEntities, delegateOf, entityNamed, type Entity } from "./entity.ts";
import { NotFoundError, ValidationError } from "./errors.ts";
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

const FACT_DESCRIPTION = "Global ID of the fact: a Brand, SneakerModel, Factory or Production.";

const CiteInput = builder.inputType("CiteInput", {
  fields: (t) => ({
    fact: t.id({ required: true, description: FACT_DESCRIPTION }),
    source: t.id({ required: true, description: "The source's slug or global ID." }),
    quote: t.string({ description: "The passage of the source that supports the fact." }),
  }),
  validate: inputRules({ fact: { rule: referenceRule }, source: { rule: referenceRule }, quote: { rule: rules.COLUMNS.Citation.quote } }),
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

interface Citation {
  readonly entity: Entity & { citations: NonNullable<Entity["citations"]> };
  readonly factId: number;
  readonly sourceId: number;
  readonly sourceSlug: string;
}

/** The fact and source a cite/uncite names, both resolved. */
async function citation(write: Write, input: { fact: string; source: string }): Promise<Citation> {
  const entity = entityNamed(decodeGlobalID(input.fact).typename);
  if (!entity?.citations) {
    throw ValidationError.at(["input", "fact"], "must be the global ID of a Brand, SneakerModel, Factory or Production");
  }
  const factId = await resolveReference(write.tx, entity, input.fact, ["input", "fact"]);
  const sourceId = await resolveReference(write.tx, "Source", input.source, ["input", "source"]);
  const source = await write.tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { slug: true } });
  return { entity: entity as Citation["entity"], factId, sourceId, sourceSlug: source.slug };
}

function planFactPayload(info: GraphQLResolveInfo, context: AuthenticatedContext, payloadType: string, fact: string) {
  const { typename, id } = decodeGlobalID(fact);
  return planPayload(info, context, payloadType, { fact: { typename, id: Number(id) } });
}

builder.mutationFields((t) => ({
  cite: t.field({
        requiresScope: "curate",
    type: CitePayload,
    description: "Records that a source backs a fact, with the supporting quote. Citing the same source twice is a conflict.",
    errors: payloadResult("Cite"),
    args: { input: t.arg({ type: CiteInput, required: true }) },
    resolve: (_root, args, context, info) => {
      const curator = context as AuthenticatedContext; // requiresScope made sure
      const payload = planFactPayload(info, curator, "CitePayload", args.input.fact);
      return runWrite(curator, async (write): Promise<PlannedRow> => {
        const { entity, factId, sourceId, sourceSlug } = await citation(write, args.input);
        const quote = args.input.quote ?? null;
        await delegateOf(write.tx, entity.citations.model).create({ data: { [entity.citations.key]: factId, sourceId, quote } });
        await write.audit({ entityType: entity.changeType, entityId: factId, action: "CITE", after: { source: sourceSlug, quote } });
        return payload.load(write.tx);
      });
    },
  }),

  uncite: t.field({
        requiresScope: "curate",
    type: UncitePayload,
    description: "Removes a source's citation from a fact.",
    errors: payloadResult("Uncite"),
    args: { input: t.arg({ type: UnciteInput, required: true }) },
    resolve: (_root, args, context, info) => {
      const curator = context as AuthenticatedContext; // requiresScope made sure
      const payload = planFactPayload(info, curator, "UncitePayload", args.input.fact);
      return runWrite(curator, async (write): Promise<PlannedRow> => {
        const { entity, factId, sourceId, sourceSlug } = await citation(write, args.input);
        const table = delegateOf(write.tx, entity.citations.model);
        const where = { [entity.citations.key]: factId, sourceId };
        const [cited] = await table.findMany({ where, select: { quote: true } });
        const { count } = await table.deleteMany({ where });
        if (!cited || count === 0) throw new NotFoundError(`The fact does not cite "${args.input.source}".`, ["input", "source"], args.input.source);
        await write.audit({ entityType: entity.changeType, entityId: factId, action: "UNCITE", before: { source: sourceSlug, quote: cited["quote"] } });
        return payload.load(write.tx);
      });
    },
  }),
}));

