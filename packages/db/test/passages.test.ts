import { describe, expect, it } from "vitest";
import { rules } from "../src/index.ts";

const { parseLocator, textLocator, rowLocator, passageProblems, PASSAGE_MESSAGES } = rules;

const NEWS = { kind: "NEWS", url: "https://news.example.org/2026/example-works-opens", text: null } as const;
const KEPT = { kind: "MARKETING", url: null, text: "Example Works opens a new plant.\nIt will make the Example One — a running shoe, built to last." } as const;
const LIST = { kind: "FACILITY_LIST", url: "https://lists.example.org/suppliers.csv", text: null } as const;
const passage = (locator: string | null, extra: Partial<rules.PassageOf> = {}): rules.PassageOf => ({
  locator,
  statement: "Example News says Example Works opened a plant in Exampleton in 2026.",
  retrievedOn: "2026-12-01",
  quote: null,
  ...extra,
});
const today = new Date("2026-12-03T12:00:00Z");

describe("locators", () => {
  it("are built and read back: URL, text fragment terms percent-encoded, hyphens and commas included", () => {
    const locator = textLocator(NEWS.url, ["Example Works, a shoe-maker,", "in 2026."]);
    expect(locator).toBe("https://news.example.org/2026/example-works-opens#:~:text=Example%20Works%2C%20a%20shoe%2Dmaker%2C,in%202026.");
    expect(parseLocator(locator)).toEqual({
      document: NEWS.url,
      fragment: { kind: "text", passages: [{ start: "Example Works, a shoe-maker,", end: "in 2026.", prefix: null, suffix: null }] },
    });
  });

  it("point at several passages of one page, with prefixes and suffixes", () => {
    const parsed = parseLocator(`${NEWS.url}#:~:text=the-,first,words,-after&text=second%20passage`);
    expect(parsed?.fragment).toEqual({
      kind: "text",
      passages: [
        { start: "first", end: "words", prefix: "the", suffix: "after" },
        { start: "second passage", end: null, prefix: null, suffix: null },
      ],
    });
    expect(textLocator(null, ["one"], ["two", "three"])).toBe("#:~:text=one&text=two,three");
  });

  it("name a facility list's row (RFC 7111)", () => {
    expect(rowLocator(LIST.url, 12)).toBe("https://lists.example.org/suppliers.csv#row=12");
    expect(parseLocator("#row=12")).toEqual({ document: "", fragment: { kind: "row", row: 12 } });
  });

  it("refuse what finds no passage", () => {
    for (const bad of [NEWS.url, `${NEWS.url}#section-2`, `${NEWS.url}#:~:text=`, `${NEWS.url}#:~:text=a,b,c`, `${NEWS.url}#:~:text=%E0%A4%A`, "ftp://x.example#:~:text=a", "#row=0", `${NEWS.url} #:~:text=a`]) {
      expect(parseLocator(bad), bad).toBeNull();
    }
  });
});

describe("a citation's pointer at its passage", () => {
  it("holds with a locator into the source's URL, a statement and a reading date", () => {
    expect(passageProblems(passage(textLocator(NEWS.url, ["Example Works", "in 2026"])), NEWS, today)).toEqual([]);
    expect(passageProblems(passage(rowLocator(LIST.url, 3)), LIST, today)).toEqual([]);
  });

  it("names each missing or wrong field", () => {
    expect(passageProblems({ locator: null, statement: " ", retrievedOn: null, quote: null }, NEWS, today)).toEqual([
      { field: "locator", message: PASSAGE_MESSAGES.noLocator },
      { field: "statement", message: PASSAGE_MESSAGES.noStatement },
      { field: "retrievedOn", message: PASSAGE_MESSAGES.noRetrievedOn },
    ]);
    expect(passageProblems(passage(textLocator("https://other.example.org/page", ["Example"])), NEWS, today)).toEqual([
      { field: "locator", message: PASSAGE_MESSAGES.otherDocument(NEWS.url) },
    ]);
    expect(passageProblems(passage(rowLocator(NEWS.url, 3)), NEWS, today)).toEqual([{ field: "locator", message: PASSAGE_MESSAGES.rowNotList }]);
    expect(passageProblems(passage(textLocator(NEWS.url, ["Example"]), { retrievedOn: "2026-12-09" }), NEWS, today)).toEqual([
      { field: "retrievedOn", message: PASSAGE_MESSAGES.futureRetrievedOn },
    ]);
  });

  it("quotes only a kept text, verbatim, and finds a kept text's fragment words in it", () => {
    expect(passageProblems(passage(textLocator(NEWS.url, ["Example"]), { quote: "Example Works opened a plant." }), NEWS, today)).toEqual([
      { field: "quote", message: PASSAGE_MESSAGES.quoteWithoutText },
    ]);
    expect(passageProblems(passage(textLocator(null, ["It will make", "built to last"]), { quote: "It will make the Example One" }), KEPT, today)).toEqual([]);
    expect(passageProblems(passage(textLocator(null, ["built to last", "It will make"])), KEPT, today)).toEqual([{ field: "locator", message: PASSAGE_MESSAGES.notInText }]);
    expect(passageProblems(passage(textLocator(null, ["Example Works"]), { quote: "Example Works closes" }), KEPT, today)).toEqual([
      { field: "quote", message: rules.MESSAGES.notVerbatim },
    ]);
    expect(passageProblems(passage(textLocator("https://elsewhere.example.org", ["Example Works"])), KEPT, today)).toEqual([
      { field: "locator", message: PASSAGE_MESSAGES.noUrlToPointAt },
    ]);
  });
});
