import { rules } from "@solegraph/db";
import { z } from "zod";
import { builder } from "../builder.ts";
import { delegateOf, type Entity } from "./entity.ts";
import { ValidationError, type FieldPath } from "./errors.ts";
import { referenceRule, writableFieldNames } from "./input-fields.ts";
import { resolveReference } from "./references.ts";
import type { Write } from "./write.ts";

/**
 * A citation as curators give it, to `cite` and to the create mutations of facts that
 * must always cite a source (factories, productions): the source, the passage of it
 * that says the fact (verbatim: checked when the graph keeps the source's text), and
 * the fact's fields it states.
 */
export interface CitationValue {
  readonly source: string;
  readonly quote?: string | null | undefined;
  readonly supports?: readonly string[] | null | undefined;
}

export const CitationInput = builder.inputType("CitationInput", {
  description: "A source backing a fact.",
  fields: (t) => ({
    source: t.id({ required: true, description: "The source's slug or global ID." }),
    quote: t.string({ description: "The passage of the source that says it, verbatim (checked against the source's text when the graph keeps it)." }),
    supports: t.stringList({ description: "The fact's fields the source states, e.g. [\"workforce\", \"workforceYear\"]; leave out when it backs the fact as a whole." }),
  }),
});

export const citationRule = z.looseObject({
  source: referenceRule,
  quote: rules.COLUMNS.Citation.quote.nullish(),
  supports: rules.COLUMNS.Citation.supports.nullish(),
});

/** A fact's first citations: at least one, each source once. */
export const citationsRule = z
  .array(citationRule)
  .min(1, "must cite at least one source")
  .max(20, "must be at most 20 citations")
  .superRefine((citations, ctx) => {
    const seen = new Set<string>();
    citations.forEach((citation, index) => {
      if (seen.has(citation.source)) ctx.addIssue({ code: "custom", path: [index, "source"], message: "is cited twice" });
      seen.add(citation.source);
    });
  });

/** The source a citation names, and its citation row's values, checked. */
export async function checkedCitation(write: Write, entity: Entity, citation: CitationValue, path: FieldPath) {
  const sourceId = await resolveReference(write.tx, "Source", citation.source, [...path, "source"]);
  const source = await write.tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { slug: true, text: true } });
  const quote = citation.quote ?? null;
  if (quote !== null) checkVerbatim(quote, source.text, [...path, "quote"]);
  const supports = [...new Set(citation.supports ?? [])];
  const fields = writableFieldNames(entity.model);
  const unknown = supports.filter((field) => !fields.includes(field));
  if (unknown.length > 0) {
    throw ValidationError.at([...path, "supports"], `names no field of a ${entity.label}: ${unknown.join(", ")} (fields: ${fields.join(", ")})`);
  }
  return { sourceId, sourceSlug: source.slug, quote, supports };
}

/** A quote must be a passage of the source's text, when the graph keeps the text. */
export function checkVerbatim(quote: string, text: string | null, path: FieldPath): void {
  if (text !== null && !rules.isVerbatim(quote, text)) throw ValidationError.at(path, rules.MESSAGES.notVerbatim);
}

/** Checks a citation and writes its row; returns what was written (for the audit record). */
export async function writeCitation(write: Write, entity: Entity, factId: number, citation: CitationValue, path: FieldPath) {
  const { model, key } = entity.citations!;
  const checked = await checkedCitation(write, entity, citation, path);
  const { sourceId, quote, supports } = checked;
  await delegateOf(write.tx, model).create({ data: { [key]: factId, sourceId, quote, supports } });
  return checked;
}

/** Writes a new fact's first citations (its create's audit record includes them). */
export async function writeCitations(write: Write, entity: Entity, factId: number, citations: readonly CitationValue[], path: FieldPath): Promise<void> {
  for (const [index, citation] of citations.entries()) await writeCitation(write, entity, factId, citation, [...path, String(index)]);
}
