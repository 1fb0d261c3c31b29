import type { SourceCardFragment } from "@solegraph/sdk";
import type { PassageFields } from "./passage.tsx";

/** A passage of a source as the graph keeps it: a fact's citation or a claim. */
export interface Passage extends PassageFields {
  readonly source: SourceCardFragment;
}

export interface SourceWithPassages {
  readonly source: SourceCardFragment;
  /** Distinct passages of it this page rests on (by where they point and what they state). */
  readonly passages: readonly PassageFields[];
}

/**
 * Every source a page rests on, once each, with every passage of it the page cites:
 * independent sources first (they decide verdicts), then by label.
 */
export function collectSources(passages: Iterable<Passage>): SourceWithPassages[] {
  const bySource = new Map<string, { source: SourceCardFragment; passages: PassageFields[]; seen: Set<string> }>();
  for (const { source, locator, statement, retrievedOn, quote } of passages) {
    let entry = bySource.get(source.id);
    if (!entry) {
      entry = { source, passages: [], seen: new Set() };
      bySource.set(source.id, entry);
    }
    const key = `${locator ?? ""}\u0000${statement ?? ""}\u0000${quote ?? ""}`;
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    entry.passages.push({ locator, statement, retrievedOn, quote });
  }
  return [...bySource.values()]
    .map(({ source, passages }) => ({ source, passages }))
    .sort((a, b) => Number(b.source.independent) - Number(a.source.independent) || a.source.label.localeCompare(b.source.label));
}
