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
 * must always cite a source (factories, productions): the source, where the passage
 * that says the fact is (`locator`), what it states in our words, the day it was read,
 * the passage verbatim only when the graph keeps the source's text, and the fact's
 * fields it states.
 */
export interface CitationValue {
  readonly source: string;
  readonly locator: string;
  readonly statement: string;
  readonly retrievedOn?: Date | string | null | undefined;
  readonly quote?: string | null | undefined;
  readonly supports?: readonly string[] | null | undefined;
}

export const LOCATOR_DESCRIPTION =
  "Where the passage is: the source's URL with a text fragment, `#:~:text=first%20words,last%20words` (a few words at each end, " +
  "percent-encoded, so a browser opens the page at the passage); a facility list's row: `#row=N`; the fragment alone for a source without a URL.";
export const STATEMENT_DESCRIPTION =
  "What the passage states, in our own words (never the source's sentences): the names, figures and dates as it gives them.";
export const RETRIEVED_ON_DESCRIPTION = "The day the passage was read at the locator (default: today).";
export const QUOTE_DESCRIPTION =
  "The passage verbatim: only for a source whose text the graph keeps (checked against it); other sources are pointed at by `locator`.";

export const CitationInput = builder.inputType("CitationInput", {
  description: "A source backing a fact: where its passage is and what it states.",
  fields: (t) => ({
    source: t.id({ required: true, description: "The source's slug or global ID." }),
    locator: t.string({ required: true, description: LOCATOR_DESCRIPTION }),
    statement: t.string({ required: true, description: STATEMENT_DESCRIPTION }),
    retrievedOn: t.field({ type: "Date", description: RETRIEVED_ON_DESCRIPTION }),
    quote: t.string({ description: QUOTE_DESCRIPTION }),
    supports: t.stringList({ description: "The fact's fields the passage states, e.g. [\"workforce\", \"workforceYear\"]; leave out when it backs the fact as a whole." }),
  }),
});

export const citationRule = z.looseObject({
  source: referenceRule,
  locator: rules.COLUMNS.Citation.locator,
  statement: rules.COLUMNS.Citation.statement,
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
  const passage = await checkedPassage(write, sourceId, citation, path);
  const supports = [...new Set(citation.supports ?? [])];
  const fields = writableFieldNames(entity.model);
  const unknown = supports.filter((field) => !fields.includes(field));
  if (unknown.length > 0) {
    throw ValidationError.at([...path, "supports"], `names no field of a ${entity.label}: ${unknown.join(", ")} (fields: ${fields.join(", ")})`);
  }
  return { sourceId, ...passage, supports };
}

/** The day a reading is dated when the curator does not say: today, UTC. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Where a citation's or a claim's passage is, checked against its source
 * (rules.passageProblems: the locator points into the source's URL, a quote only of a
 * kept text and verbatim, ...); every problem is reported at once, on its field.
 */
export async function checkedPassage(
  write: Write,
  sourceId: number,
  passage: { readonly locator: string; readonly statement: string; readonly retrievedOn?: Date | string | null | undefined; readonly quote?: string | null | undefined },
  path: FieldPath,
) {
  const source = await write.tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { slug: true, kind: true, url: true, text: true } });
  const checked = {
    locator: passage.locator,
    statement: passage.statement,
    retrievedOn: passage.retrievedOn == null ? today() : dayOf(passage.retrievedOn),
    quote: passage.quote ?? null,
  };
  const problems = rules.passageProblems(checked, source);
  if (problems.length > 0) throw new ValidationError(problems.map((problem) => ({ path: [...path, problem.field], message: problem.message })));
  return { sourceSlug: source.slug, ...checked, retrievedOn: new Date(checked.retrievedOn) };
}

function dayOf(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Checks a citation and writes its row; returns what was written (for the audit record). */
export async function writeCitation(write: Write, entity: Entity, factId: number, citation: CitationValue, path: FieldPath) {
  const { model, key } = entity.citations!;
  const checked = await checkedCitation(write, entity, citation, path);
  const { sourceId, locator, statement, retrievedOn, quote, supports } = checked;
  await delegateOf(write.tx, model).create({ data: { [key]: factId, sourceId, locator, statement, retrievedOn, quote, supports } });
  return checked;
}

/** Writes a new fact's first citations (its create's audit record includes them). */
export async function writeCitations(write: Write, entity: Entity, factId: number, citations: readonly CitationValue[], path: FieldPath): Promise<void> {
  for (const [index, citation] of citations.entries()) await writeCitation(write, entity, factId, citation, [...path, String(index)]);
}
