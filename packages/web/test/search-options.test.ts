import { describe, expect, it } from "vitest";
import { cleanQuery, hasAnswer, MAX_QUERY_LENGTH, searchOptions, type SearchHit } from "../src/search/search-options.ts";

// Fictional brand, models and factory: only the shapes matter here.
const brand = { id: "b1", slug: "pinecone", name: "Pinecone Footwear" };
type Match = SearchHit["match"];
const model = (slug: string, series: string | null, match: Match = "PARTIAL"): SearchHit => ({
  match,
  result: {
    __typename: "SneakerModel",
    id: `m-${slug}`,
    version: 1,
    slug,
    name: slug.toUpperCase(),
    series,
    category: null,
    releaseYear: null,
    brand,
    madeIn: [],
  },
});
const factory: SearchHit = {
  match: "EXACT",
  result: {
    __typename: "Factory",
    id: "f1",
    version: 1,
    slug: "pinecone-harbourtown",
    name: "Pinecone Harbourtown",
    city: "Harbourtown",
    region: "Eastshire",
    country: { code: "GB", name: "United Kingdom" },
    status: "OPERATING",
    ownership: "OWNED",
    operatorName: null,
    openedYear: null,
    plannedOpeningYear: null,
    closedYear: null,
  },
};

describe("search options", () => {
  it("keeps the server's order and adds a line before its first model when the query names it", () => {
    const options = searchOptions("trail 7", [model("trail-7", "Trail 7"), model("trail-7b", "Trail 7"), factory]);
    expect(options.map((option) => option.key)).toEqual([
      "series:pinecone:Trail 7",
      "model:trail-7",
      "model:trail-7b",
      "factory:pinecone-harbourtown",
    ]);
    expect(options[0]).toMatchObject({ kind: "Line", label: "The Trail 7 line", route: { page: "series", name: "Trail 7", brand: "pinecone" } });
    expect(options[3]).toMatchObject({ kind: "Factory", detail: "Harbourtown, Eastshire, United Kingdom", route: { page: "factory", slug: "pinecone-harbourtown" } });
  });

  it("puts a line after its last model when the query found a model, not the line", () => {
    const options = searchOptions("ridgeline", [model("ridgeline-2", "Summit"), factory, model("ridgeline-3", "Summit")]);
    expect(options.map((option) => option.key)).toEqual([
      "model:ridgeline-2",
      "factory:pinecone-harbourtown",
      "model:ridgeline-3",
      "series:pinecone:Summit",
    ]);
  });

  it("marks neighbours as suggestions, and a line as one when all its models are", () => {
    const options = searchOptions("trail 6", [model("trail-7", "Trail 7", "SUGGESTION"), model("trail-8", "Trail 8", "SUGGESTION")]);
    expect(options.every((option) => option.suggestion)).toBe(true);
    expect(hasAnswer(options)).toBe(false);
    const mixed = searchOptions("trail", [model("trail-7", "Trail 7"), model("trail-7x", "Trail 7", "SUGGESTION"), factory]);
    expect(mixed.map((option) => [option.key, option.suggestion])).toEqual([
      ["series:pinecone:Trail 7", false],
      ["model:trail-7", false],
      ["model:trail-7x", true],
      ["factory:pinecone-harbourtown", false],
    ]);
    expect(hasAnswer(mixed)).toBe(true);
  });

  it("adds no line for models without one", () => {
    expect(searchOptions("x", [model("x1", null)]).map((option) => option.kind)).toEqual(["Model"]);
  });

  it("sends a trimmed query within the server's cap", () => {
    expect(cleanQuery("  fresh   foam \n")).toBe("fresh foam");
    expect(cleanQuery("a".repeat(300))).toHaveLength(MAX_QUERY_LENGTH);
  });
});
