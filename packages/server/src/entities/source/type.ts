import type { SourceModel as Source } from "@solegraph/db";
import { belongsTo, by, computed, hasMany, hasManyConnection } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { rowBySlug } from "../../read/filters.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { sql } from "../../read/sql.ts";
import { isIndependentSource } from "../../provenance/evidence.ts";
import { SourceKindEnum } from "../../schema/enums.ts";
import { ClaimNode } from "../claim/type.ts";

export const SourceNode: PlannedRef = plannedObject<Source>("Source", {
  description: "Where a fact comes from. Facts cite sources; claims are made by them; sources may disagree.",
  table: "Source",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    title: t.string("title", { nullable: true, description: "The title as published; null when it is not known." }),
    label: t.field(
      "String",
      computed(({ row }) =>
        sql`coalesce(${row}.title, ${row}.publisher || coalesce(', ' || to_char(${row}."publishedOn", 'YYYY-MM-DD'), ''), ${row}.url, ${row}.slug)`,
      ),
      { description: "How to name the source to a reader: its title, else its publisher and date, else its URL." },
    ),
    kind: t.enum(SourceKindEnum, "kind"),
    independent: t.field("Boolean", computed(({ row }) => isIndependentSource(row)), {
      description: "Whether it reports independently of the brand (NEWS, EDITORIAL, COMMUNITY), as opposed to the brand's own voice or marketing.",
    }),
    publisher: t.string("publisher", { nullable: true }),
    url: t.string("url", { nullable: true }),
    publishedOn: t.date("publishedOn", { nullable: true }),
    asOf: t.date("asOf", { nullable: true, description: "The date a dated list (a supplier list, a registry download) holds as of." }),
    licence: t.string("licence", {
      nullable: true,
      description: "The licence the source's data is under, e.g. \"CC BY-SA 4.0\" (Open Supply Hub: attribute it when reusing its data).",
    }),
    text: t.string("text", {
      nullable: true,
      description: "The source's text as archived, when the graph keeps it; quotes of it are verbatim passages of this text.",
    }),
    version: t.int("version"),
    claims: t.connection(connectionOf(ClaimNode, "Claim"), hasManyConnection("Claim", "sourceId", []), {
      description: "The claims this source makes, oldest first.",
    }),
  }),
});

/** Rows of the citation tables (BrandSource, FactorySource, ...): the same columns. */
interface CitationRow {
  quote: string | null;
  locator: string | null;
  statement: string | null;
  retrievedOn: Date | null;
  sourceId: number;
  supports: string[];
}

export const LOCATOR_FIELD_DESCRIPTION =
  "Where the passage is: the source's URL with a text fragment (`#:~:text=first%20words,last%20words`) that opens the page at it, " +
  "or a facility list's row (`#row=N`); the fragment alone when the source has no URL. Null only for records written before passages were kept.";
export const RETRIEVED_ON_FIELD_DESCRIPTION = "The day the passage was read at the locator.";

export const Citation: PlannedRef = plannedObject<CitationRow>("Citation", {
  description: "A source cited for a fact: where its passage is, what it states (in our words), and the fields it supports.",
  fields: (t) => ({
    source: t.field(SourceNode, belongsTo("Source", "sourceId")),
    locator: t.string("locator", { nullable: true, description: LOCATOR_FIELD_DESCRIPTION }),
    statement: t.string("statement", {
      nullable: true,
      description: "What the passage states about the cited fields, in our own words (names, figures and dates as the passage gives them).",
    }),
    retrievedOn: t.date("retrievedOn", { nullable: true, description: RETRIEVED_ON_FIELD_DESCRIPTION }),
    quote: t.string("quote", {
      nullable: true,
      description: "The passage verbatim, only for a source whose text the graph keeps (`Source.text`); other sources' sentences are never copied in.",
    }),
    supports: t.field(["String"], computed(({ row }) => sql`to_json(coalesce(${row}.supports, '{}'::text[]))`), {
      description: "The fact's fields this source states (e.g. \"workforce\"); empty when it backs the fact as a whole.",
    }),
  }),
});

/** A fact's citations, from its citation table (`<Fact>Source`, keyed by `foreignKey`), by source. */
export function citationsOf(citationTable: string, foreignKey: string) {
  return hasMany(citationTable, foreignKey, [by("sourceId")]);
}

// Root fields.
plannedQueryFields((t) => ({
  source: t.field(SourceNode, rowBySlug("Source"), { nullable: true, args: { slug: t.t.arg.string({ required: true }) } }),
  sources: t.connection(
    connectionOf(SourceNode, "Source"),
    { kind: "connection", table: "Source", rows: () => ({ from: sql`"Source"`, orderBy: [by("slug")] }) },
    { description: "Every source the graph cites, by slug." },
  ),
}));
