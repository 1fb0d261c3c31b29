import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { searchHits, SEARCH_MAX_RESULTS, SEARCH_QUERY_MAX_LENGTH } from "../../search/fuzzy-search.ts";
import { BrandNode } from "../../entities/brand/type.ts";
import { FactoryNode } from "../../entities/factory/type.ts";
import { SneakerModelNode } from "../../entities/sneaker-model/type.ts";

const SearchResult = builder.unionType("SearchResult", {
  description: "A brand, model or factory matched by `search`.",
  types: [BrandNode, SneakerModelNode, FactoryNode],
  resolveType: (row) => row["__typename"] as string,
});

plannedQueryFields((t) => ({
  search: t.field(
    [SearchResult],
    {
      kind: "mixed-list",
      hits: ({ args }) => {
        const limit = (args["first"] as number | null | undefined) ?? 10;
        if (limit < 0 || limit > SEARCH_MAX_RESULTS) throw badSearch(`\`first\` must be between 0 and ${SEARCH_MAX_RESULTS} (got ${limit}).`, "first");
        const text = String(args["query"]).trim();
        if (text.length === 0) throw badSearch("`query` must not be empty.", "query");
        if (text.length > SEARCH_QUERY_MAX_LENGTH) throw badSearch(`\`query\` must be at most ${SEARCH_QUERY_MAX_LENGTH} characters.`, "query");
        return { hits: searchHits(text, limit), count: limit };
      },
    },
    {
      description: "Typo-tolerant search across brand, model and factory names (trigram word similarity), best match first.",
      args: {
        query: t.t.arg.string({ required: true }),
        first: t.t.arg.int({ required: false, defaultValue: 10, description: `At most ${SEARCH_MAX_RESULTS}.` }),
      },
    },
  ),
}));

function badSearch(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument } });
}
