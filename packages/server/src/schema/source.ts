import { builder } from "../builder.ts";

export const SourceNode = builder.prismaNode("Source", {
  description: "Where a fact comes from. Facts cite sources; sources may disagree.",
  id: { field: "id" },
  // Unknown IDs resolve to null, as `node(id:)` promises.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug"),
    title: t.exposeString("title"),
    publisher: t.exposeString("publisher", { nullable: true }),
    url: t.exposeString("url", { nullable: true }),
    publishedOn: t.expose("publishedOn", { type: "Date", nullable: true }),
    version: t.exposeInt("version"),
  }),
});

/** A source cited for one fact, with the passage that supports it. */
export interface CitationShape {
  source: { id: number; slug: string; title: string; publisher: string | null; url: string | null; publishedOn: Date | null; version: number; createdAt: Date; updatedAt: Date };
  quote: string | null;
}

export const Citation = builder.objectRef<CitationShape>("Citation").implement({
  description: "A source cited for a fact, with the passage that supports it when known.",
  fields: (t) => ({
    source: t.field({ type: SourceNode, resolve: (citation) => citation.source }),
    quote: t.exposeString("quote", { nullable: true }),
  }),
});

/** The Prisma selection that loads a fact's citations in the parent's query. */
export const citationSelect = {
  select: { quote: true, source: true },
  orderBy: { source: { id: "asc" } },
} as const;
