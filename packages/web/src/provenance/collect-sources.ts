import type { SourceCardFragment } from "@solegraph/sdk";

/** A passage of a source as the graph keeps it: a fact's citation or a claim. */
export interface Passage {
  readonly source: SourceCardFragment;
  readonly quote: string | null;
}

export interface SourceWithQuotes {
  readonly source: SourceCardFragment;
  /** Distinct verbatim passages quoted from it on this page (may be none). */
  readonly quotes: readonly string[];
}

/**
 * Every source a page rests on, once each, with every passage quoted from it:
 * independent sources first (they decide verdicts), then by label.
 */
export function collectSources(passages: Iterable<Passage>): SourceWithQuotes[] {
  const bySource = new Map<string, { source: SourceCardFragment; quotes: string[] }>();
  for (const { source, quote } of passages) {
    let entry = bySource.get(source.id);
    if (!entry) {
      entry = { source, quotes: [] };
      bySource.set(source.id, entry);
    }
    if (quote && !entry.quotes.includes(quote)) entry.quotes.push(quote);
  }
  return [...bySource.values()].sort(
    (a, b) => Number(b.source.independent) - Number(a.source.independent) || a.source.label.localeCompare(b.source.label),
  );
}
