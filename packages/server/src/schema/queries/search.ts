import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { by, columnValue } from "../../read/plans.ts";
import { key, sql } from "../../read/sql.ts";
import { searchHits, SEARCH_MAX_RESULTS, SEARCH_QUERY_MAX_LENGTH } from "../../search/fuzzy-search.ts";
import { BrandNode } from "../../entities/brand/type.ts";
import { FactoryNode } from "../../entities/factory/type.ts";
import { SneakerModelNode } from "../../entities/sneaker-model/type.ts";

const SearchResult = builder.unionType("SearchResult", {
  description: "A brand, model or factory matched by `search`.",
  types: [BrandNode, SneakerModelNode, FactoryNode],
  resolveType: (row) => row["__typename"] as string,
});

const SearchMatchEnum = builder.enumType("SearchMatch", {
  description: "How a search hit matches the query: an answer (EXACT, PARTIAL) or only a neighbour offered as a suggestion.",
  values: {
    EXACT: { description: "Its name, slug, series or town is the query (case aside)." },
    PARTIAL: { description: "The query begins a word of its name, slug, series or town (\"hierro\", \"fresh foam\")." },
    SUGGESTION: {
      description:
        "Only spelled alike (a typo, a near number: \"574\" finds the 576): the graph has nothing by that name, and this is a guess to offer as such.",
    },
  } as const,
});

const SearchHit: PlannedRef = plannedObject("SearchHit", {
  description: "One result of `search`: what matched and how.",
  fields: (t) => ({
    match: t.field(SearchMatchEnum, columnValue("match")),
    result: t.field(SearchResult, {
      kind: "one-of",
      ids: ({ row }) =>
        Object.fromEntries(["Brand", "SneakerModel", "Factory"].map((type) => [type, sql`CASE WHEN ${row}.typename = ${key(type)} THEN ${row}.id END`])),
    }),
  }),
});

plannedQueryFields((t) => ({
  search: t.field(
    [SearchHit],
    {
      kind: "list",
      maxItems: ({ args }) => firstOf(args),
      rows: ({ args }) => {
        const limit = firstOf(args);
        if (limit < 0 || limit > SEARCH_MAX_RESULTS) throw badSearch(`\`first\` must be between 0 and ${SEARCH_MAX_RESULTS} (got ${limit}).`, "first");
        const text = String(args["query"]).trim();
        if (text.length === 0) throw badSearch("`query` must not be empty.", "query");
        if (text.length > SEARCH_QUERY_MAX_LENGTH) throw badSearch(`\`query\` must be at most ${SEARCH_QUERY_MAX_LENGTH} characters.`, "query");
        return { from: searchHits(text, limit), orderBy: [by("ord")] };
      },
    },
    {
      description:
        "Search across brand, model and factory names, slugs, series and towns, best match first: exact matches, then words the query begins, " +
        "then neighbours spelled alike (typos, near numbers) marked SUGGESTION, so a client can say \"nothing by that name; did you mean …?\".",
      args: {
        query: t.t.arg.string({ required: true }),
        first: t.t.arg.int({ required: false, defaultValue: 10, description: `At most ${SEARCH_MAX_RESULTS}.` }),
      },
    },
  ),
}));

function firstOf(args: Readonly<Record<string, unknown>>): number {
  return (args["first"] as number | null | undefined) ?? 10;
}

function badSearch(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument } });
}
