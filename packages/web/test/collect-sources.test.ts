import type { SourceCardFragment } from "@solegraph/sdk";
import { describe, expect, it } from "vitest";
import { collectSources } from "../src/provenance/collect-sources.ts";

const source = (id: string, label: string, independent: boolean): SourceCardFragment => ({
  id,
  version: 1,
  slug: id,
  title: null,
  label,
  kind: independent ? "NEWS" : "MARKETING",
  independent,
  publisher: null,
  url: null,
  publishedOn: null,
});

describe("every source on a page", () => {
  it("lists each source once with its distinct passages, independent sources first", () => {
    const gazette = source("s1", "Harbourtown Gazette", true);
    const shop = source("s2", "A shoe shop's blog", false);
    const almanac = source("s3", "Almanac of Soles", true);
    const sources = collectSources([
      { source: shop, quote: "crafted at home" },
      { source: gazette, quote: null },
      { source: shop, quote: "crafted at home" },
      { source: shop, quote: "by hand" },
      { source: almanac, quote: "two lines" },
    ]);
    expect(sources.map(({ source, quotes }) => [source.label, quotes])).toEqual([
      ["Almanac of Soles", ["two lines"]],
      ["Harbourtown Gazette", []],
      ["A shoe shop's blog", ["crafted at home", "by hand"]],
    ]);
  });
});
