import { builder } from "../../builder.ts";
import { badUserInput } from "../../errors.ts";
import { BrandNode } from "../brand.ts";
import { FactoryNode } from "../factory.ts";
import { SneakerModelNode } from "../sneaker-model.ts";
import { searchIds, SEARCH_MAX_RESULTS, SEARCH_QUERY_MAX_LENGTH } from "../../search/fuzzy-search.ts";

const SearchResult = builder.unionType("SearchResult", {
  description: "A brand, model or factory matched by `search`.",
  types: [BrandNode, SneakerModelNode, FactoryNode],
});

builder.queryField("search", (t) =>
  t.field({
    type: [SearchResult],
    description:
      "Typo-tolerant search across brand, model and factory names (trigram word similarity), best match first.",
    args: {
      query: t.arg.string({ required: true }),
      first: t.arg.int({ required: false, defaultValue: 10, description: `At most ${SEARCH_MAX_RESULTS}.` }),
    },
    resolve: async (_root, { query, first }, { prisma }) => {
      const limit = first ?? 10;
      if (limit < 0 || limit > SEARCH_MAX_RESULTS) {
        throw badUserInput(`\`first\` must be between 0 and ${SEARCH_MAX_RESULTS} (got ${limit}).`, { argument: "first" });
      }
      const text = query.trim();
      if (text.length === 0) throw badUserInput("`query` must not be empty.", { argument: "query" });
      if (text.length > SEARCH_QUERY_MAX_LENGTH) {
        throw badUserInput(`\`query\` must be at most ${SEARCH_QUERY_MAX_LENGTH} characters.`, { argument: "query" });
      }
      const hits = await searchIds(prisma, text, limit);
      const ids = (kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.id);
      const [brands, models, factories] = await Promise.all([
        prisma.brand.findMany({ where: { id: { in: ids("brand") } } }),
        prisma.sneakerModel.findMany({ where: { id: { in: ids("model") } } }),
        prisma.factory.findMany({ where: { id: { in: ids("factory") } } }),
      ]);
      // Branded rows tell the union which type each one is.
      type Row = ReturnType<typeof BrandNode.addBrand<(typeof brands)[number]>>
        | ReturnType<typeof SneakerModelNode.addBrand<(typeof models)[number]>>
        | ReturnType<typeof FactoryNode.addBrand<(typeof factories)[number]>>;
      const byKey = new Map<string, Row>();
      for (const b of brands) byKey.set(`brand:${b.id}`, BrandNode.addBrand(b));
      for (const m of models) byKey.set(`model:${m.id}`, SneakerModelNode.addBrand(m));
      for (const f of factories) byKey.set(`factory:${f.id}`, FactoryNode.addBrand(f));
      return hits.flatMap((h) => {
        const row = byKey.get(`${h.kind}:${h.id}`);
        return row ? [row] : [];
      });
    },
  }),
);
