import type { SourceCardFragment } from "@solegraph/sdk";
import { describe, expect, it } from "vitest";
import { collectSources } from "../src/provenance/collect-sources.ts";
import { passageHref } from "../src/provenance/passage.tsx";

const source = (id: string, label: string, independent: boolean, url: string | null = null): SourceCardFragment => ({
  id,
  version: 1,
  slug: id,
  title: null,
  label,
  kind: independent ? "NEWS" : "MARKETING",
  independent,
  publisher: null,
  url,
  publishedOn: null,
});

const passage = (words: string, quote: string | null = null) => ({
  locator: `https://example.org/page#:~:text=${encodeURIComponent(words)}`,
  statement: `It says ${words}.`,
  retrievedOn: "2026-12-01",
  quote,
});

describe("every source on a page", () => {
  it("lists each source once with its distinct passages, independent sources first", () => {
    const gazette = source("s1", "Harbourtown Gazette", true);
    const shop = source("s2", "A shoe shop's blog", false);
    const almanac = source("s3", "Almanac of Soles", true);
    const sources = collectSources([
      { source: shop, ...passage("crafted at home", "crafted at home") },
      { source: gazette, ...passage("a plant opens") },
      { source: shop, ...passage("crafted at home", "crafted at home") },
      { source: shop, ...passage("by hand") },
      { source: almanac, ...passage("two lines") },
    ]);
    expect(sources.map(({ source, passages }) => [source.label, passages.map((p) => p.statement)])).toEqual([
      ["Almanac of Soles", ["It says two lines."]],
      ["Harbourtown Gazette", ["It says a plant opens."]],
      ["A shoe shop's blog", ["It says crafted at home.", "It says by hand."]],
    ]);
  });
});

describe("the link to a passage", () => {
  it("is the locator, or the source's URL with a fragment-only locator, or none", () => {
    expect(passageHref("https://example.org/a#:~:text=x", null)).toBe("https://example.org/a#:~:text=x");
    expect(passageHref("#row=4", "https://example.org/list.csv#top")).toBe("https://example.org/list.csv#row=4");
    expect(passageHref("#row=4", null)).toBeNull();
    expect(passageHref(null, "https://example.org/a")).toBeNull();
  });
});
