import { SourceKind } from "../generated/prisma/enums.ts";
import { MESSAGES, URL_MAX } from "./fields.ts";
import { collapseWhitespace, isVerbatim } from "./sources.ts";

/**
 * Where a citation's (or a claim's) passage is, and whether what a citation says about
 * it holds together: the rules `npm run data:check`, the seed test, the API's `cite`,
 * `recordClaim` and the facility-list importer all apply.
 *
 * A locator is the source's URL with a fragment that finds the passage in the page:
 * - a text fragment (https://wicg.github.io/scroll-to-text-fragment/):
 *   `#:~:text=first%20words,last%20words`, which a browser opens at the passage;
 * - for a facility list, the row (RFC 7111's fragment for text/csv): `#row=12`.
 * A source without a URL (the seed article, kept as text) is pointed into by the
 * fragment alone. Third parties' sentences stay out of the graph: the locator names
 * a few words at each end of the passage, and `statement` says, in our words, what it
 * states; only a source whose text the graph keeps is quoted (`quote`).
 */

/** One `text=` directive: a passage from its first words to its last. */
export interface TextPassage {
  readonly start: string;
  readonly end: string | null;
  readonly prefix: string | null;
  readonly suffix: string | null;
}

/**
 * A text fragment: one or more passages of the page (`#:~:text=a,b&text=c,d`), so one
 * citation of a source can point at each passage it rests on.
 */
export interface TextFragment {
  readonly kind: "text";
  readonly passages: readonly TextPassage[];
}

export interface RowFragment {
  readonly kind: "row";
  /** The 1-based line of the file, as the list's importer numbered it. */
  readonly row: number;
}

export interface ParsedLocator {
  /** The document's URL: the locator without its fragment; empty for a fragment alone. */
  readonly document: string;
  readonly fragment: TextFragment | RowFragment;
}

/** What a citation says about its source: the fields these rules read. */
export interface PassageOf {
  readonly locator: string | null;
  readonly statement: string | null;
  readonly retrievedOn: Date | string | null;
  readonly quote: string | null;
}

/** The source the passage is in. */
export interface SourceForPassage {
  readonly kind: SourceKind;
  readonly url: string | null;
  /** The source's kept text, when the graph keeps it. */
  readonly text: string | null;
}

export interface PassageProblem {
  readonly field: "locator" | "statement" | "retrievedOn" | "quote";
  readonly message: string;
}

export const PASSAGE_MESSAGES = {
  noLocator: "is missing: point at the passage with the source's URL and a text fragment (#:~:text=first%20words,last%20words)",
  notLocator: "must be the source's URL with a fragment that finds the passage: #:~:text=first%20words,last%20words (a facility list's row: #row=N)",
  otherDocument: (url: string) => `must point into the source's own URL (${url})`,
  noUrlToPointAt: "must be a fragment alone (#:~:text=...): the source has no URL",
  rowNotList: "is a row of a list (#row=N), but the source is not a FACILITY_LIST: give a text fragment",
  notInText: "names words the source's kept text does not contain in that order",
  noStatement: "is missing: say in our own words what the passage states (names, figures and dates as it gives them)",
  noRetrievedOn: "is missing: the day the passage was read (YYYY-MM-DD)",
  futureRetrievedOn: "must not be in the future",
  quoteWithoutText: "is only for a source whose text the graph keeps; point at the passage with `locator` and say what it states in `statement`",
} as const;

/** Parses a locator; null when it is none of the forms above. */
export function parseLocator(locator: string): ParsedLocator | null {
  if (locator.length > URL_MAX || /\s/.test(locator)) return null;
  const hash = locator.indexOf("#");
  if (hash < 0) return null;
  const document = locator.slice(0, hash);
  if (document !== "" && !/^https?:\/\/[^#]+$/.test(document)) return null;
  const fragment = parseFragment(locator.slice(hash + 1));
  return fragment ? { document, fragment } : null;
}

function parseFragment(fragment: string): TextFragment | RowFragment | null {
  const row = /^row=([1-9][0-9]{0,9})$/.exec(fragment);
  if (row) return { kind: "row", row: Number(row[1]) };
  const directives = fragment.indexOf(":~:");
  if (directives < 0) return null;
  const passages: TextPassage[] = [];
  for (const directive of fragment.slice(directives + 3).split("&")) {
    if (!directive.startsWith("text=")) continue;
    const passage = parseTextDirective(directive.slice("text=".length));
    if (!passage) return null;
    passages.push(passage);
  }
  return passages.length > 0 ? { kind: "text", passages } : null;
}

/** `[prefix-,]start[,end][,-suffix]`, each part percent-encoded. */
function parseTextDirective(value: string): TextPassage | null {
  const parts = value.split(",");
  const prefix = parts[0]?.endsWith("-") ? parts.shift()!.slice(0, -1) : null;
  const suffix = parts.length > 1 && parts.at(-1)!.startsWith("-") ? parts.pop()!.slice(1) : null;
  if (parts.length < 1 || parts.length > 2) return null;
  const decoded = [prefix, parts[0]!, parts[1] ?? null, suffix].map((part) => (part === null ? null : decodePart(part)));
  if (decoded.some((part) => part === undefined)) return null;
  const [decodedPrefix, start, end, decodedSuffix] = decoded as (string | null)[];
  if (!start || start.trim() === "" || end?.trim() === "") return null;
  return { start, end: end ?? null, prefix: decodedPrefix ?? null, suffix: decodedSuffix ?? null };
}

function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * Percent-encodes a text fragment's term: `encodeURIComponent` leaves `-` alone, which
 * the directive's syntax reserves (prefix- and -suffix), so it is encoded too.
 */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, "%2D");
}

/** The locator of passages of a page, each by its first and last words: its URL (or nothing) with a text fragment. */
export function textLocator(url: string | null, ...passages: readonly (readonly [start: string, end?: string | null])[]): string {
  const directives = passages.map(([start, end]) => `text=${encodeTerm(start)}${end ? `,${encodeTerm(end)}` : ""}`);
  return `${url ?? ""}#:~:${directives.join("&")}`;
}

/** The locator of a facility list's row (RFC 7111). */
export function rowLocator(url: string | null, row: number): string {
  return `${url ?? ""}#row=${row}`;
}

/** The source's URL as a locator's document part: without its own fragment. */
function documentOf(url: string): string {
  const hash = url.indexOf("#");
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Whether every passage of a text fragment occurs in a kept text, its start before its
 * end, the way a browser finds them: case and runs of whitespace aside.
 */
export function fragmentFoundIn(fragment: TextFragment, text: string): boolean {
  const haystack = collapseWhitespace(text).toLowerCase();
  const find = (needle: string, from: number) => haystack.indexOf(collapseWhitespace(needle).toLowerCase(), from);
  return fragment.passages.every((passage) => {
    const start = find(passage.start, 0);
    if (start < 0) return false;
    return passage.end === null || find(passage.end, start + collapseWhitespace(passage.start).length) >= 0;
  });
}

/** Problems with the locator alone, against its source. */
export function locatorProblem(locator: string, source: SourceForPassage): string | undefined {
  const parsed = parseLocator(locator);
  if (!parsed) return PASSAGE_MESSAGES.notLocator;
  if (source.url === null && parsed.document !== "") return PASSAGE_MESSAGES.noUrlToPointAt;
  if (source.url !== null && parsed.document !== documentOf(source.url)) return PASSAGE_MESSAGES.otherDocument(documentOf(source.url));
  if (parsed.fragment.kind === "row" && source.kind !== SourceKind.FACILITY_LIST) return PASSAGE_MESSAGES.rowNotList;
  if (parsed.fragment.kind === "text" && source.text !== null && !fragmentFoundIn(parsed.fragment, source.text)) return PASSAGE_MESSAGES.notInText;
  return undefined;
}

/** The day a date-only column holds, as YYYY-MM-DD. */
function dayOf(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * Everything wrong with a citation's (or a claim's) pointer at its passage, by field;
 * empty when it holds. `today` bounds `retrievedOn` (a reading cannot be dated later).
 */
export function passageProblems(passage: PassageOf, source: SourceForPassage, today: Date = new Date()): PassageProblem[] {
  const problems: PassageProblem[] = [];
  if (passage.locator === null || passage.locator.trim() === "") {
    problems.push({ field: "locator", message: PASSAGE_MESSAGES.noLocator });
  } else {
    const problem = locatorProblem(passage.locator, source);
    if (problem) problems.push({ field: "locator", message: problem });
  }
  if (passage.statement === null || passage.statement.trim() === "") problems.push({ field: "statement", message: PASSAGE_MESSAGES.noStatement });
  if (passage.retrievedOn === null) problems.push({ field: "retrievedOn", message: PASSAGE_MESSAGES.noRetrievedOn });
  else if (dayOf(passage.retrievedOn) > dayOf(new Date(today.getTime() + 36 * 3600_000))) {
    // A day and a half of slack: the reader's "today" may be a time zone ahead of ours.
    problems.push({ field: "retrievedOn", message: PASSAGE_MESSAGES.futureRetrievedOn });
  }
  if (passage.quote !== null) {
    if (source.text === null) problems.push({ field: "quote", message: PASSAGE_MESSAGES.quoteWithoutText });
    else if (!isVerbatim(passage.quote, source.text)) problems.push({ field: "quote", message: MESSAGES.notVerbatim });
  }
  return problems;
}
