import { SourceKind } from "../generated/prisma/enums.ts";

/**
 * Which kinds of source report independently of the brand. A production backed by one
 * of these is REPORTED; one backed only by the brand's own voice or marketing copy is
 * CLAIMED_ONLY (the server's provenance SQL and the seed's test both read this).
 */
export const INDEPENDENT_SOURCE_KINDS: readonly SourceKind[] = [SourceKind.NEWS, SourceKind.EDITORIAL, SourceKind.COMMUNITY];

export function isIndependent(kind: SourceKind): boolean {
  return INDEPENDENT_SOURCE_KINDS.includes(kind);
}

/** Whitespace runs count as one space when a quote is matched against a source's text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Whether `quote` is a verbatim passage of `text`. Only the line breaks and spacing of
 * the archived text may differ (it was reflowed when archived); every character,
 * punctuation and typographic quotes included, must match.
 */
export function isVerbatim(quote: string, text: string): boolean {
  return collapseWhitespace(text).includes(collapseWhitespace(quote));
}
