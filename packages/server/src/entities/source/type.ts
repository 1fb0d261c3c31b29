import type { SourceModel as Source } from "@solegraph/db";
import { belongsTo, by, hasMany } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { rowBySlug, wholeTable } from "../../read/filters.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";

export const SourceNode: PlannedRef = plannedObject<Source>("Source", {
  description: "Where a fact comes from. Facts cite sources; sources may disagree.",
  table: "Source",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    title: t.string("title"),
    publisher: t.string("publisher", { nullable: true }),
    url: t.string("url", { nullable: true }),
    publishedOn: t.date("publishedOn", { nullable: true }),
    version: t.int("version"),
  }),
});

/** Rows of the citation tables (BrandSource, FactorySource, ...): the same two columns. */
interface CitationRow {
  quote: string | null;
  sourceId: number;
}

export const Citation: PlannedRef = plannedObject<CitationRow>("Citation", {
  description: "A source cited for a fact, with the passage that supports it when known.",
  fields: (t) => ({
    source: t.field(SourceNode, belongsTo("Source", "sourceId")),
    quote: t.string("quote", { nullable: true }),
  }),
});

/** A fact's citations, from its citation table (`<Fact>Source`, keyed by `foreignKey`), by source. */
export function citationsOf(citationTable: string, foreignKey: string) {
  return hasMany(citationTable, foreignKey, [by("sourceId")]);
}

// Root fields.
plannedQueryFields((t) => ({
  source: t.field(SourceNode, rowBySlug("Source"), { nullable: true, args: { slug: t.t.arg.string({ required: true }) } }),
  sources: t.connection(connectionOf(SourceNode, "Source"), wholeTable("Source", [by("title")]), {
    description: "Every source the graph cites, by title.",
  }),
}));
