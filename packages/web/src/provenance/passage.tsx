import type { SourceCardFragment } from "@solegraph/sdk";

/** Where a citation or a claim points in its source, and what it says the passage states. */
export interface PassageFields {
  readonly locator: string | null;
  readonly statement: string | null;
  readonly retrievedOn: string | null;
  readonly quote: string | null;
}

/**
 * A passage of a source: what it states (our words), a link that opens the page at it
 * (a text fragment), when it was read, and the words themselves only where the graph
 * keeps the source's text.
 */
export function PassageView({ passage, source }: { readonly passage: PassageFields; readonly source: SourceCardFragment }) {
  const href = passageHref(passage.locator, source.url);
  return (
    <div class="passage">
      {passage.statement && <p class="passage-statement">{passage.statement}</p>}
      {passage.quote && <blockquote class="quote">“{passage.quote}”</blockquote>}
      <p class="muted passage-meta">
        {href ? (
          // A reader's own click to the publisher, opened at the passage; nothing is fetched from there.
          <a href={href} rel="external noopener noreferrer">
            Open the passage
          </a>
        ) : (
          "No link to the passage recorded"
        )}
        {passage.retrievedOn && <> · read {passage.retrievedOn}</>}
      </p>
    </div>
  );
}

/** The address that opens the page at the passage: the locator, on the source's URL when it is a fragment alone. */
export function passageHref(locator: string | null, url: string | null): string | null {
  if (!locator) return null;
  if (/^https?:\/\//.test(locator)) return locator;
  return url ? `${url.split("#")[0]}${locator}` : null;
}
