import { Quote, SourceName } from "./source-name.tsx";
import type { SourceWithQuotes } from "./collect-sources.ts";

/** "Every source on this page": each once, with every passage quoted from it. */
export function SourceList({ sources }: { readonly sources: readonly SourceWithQuotes[] }) {
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Every source on this page</h2>
      {sources.length === 0 ? (
        <p class="muted">No source is recorded.</p>
      ) : (
        <ol class="source-list">
          {sources.map(({ source, quotes }) => (
            <li key={source.id}>
              <SourceName source={source} />
              {source.publishedOn && <span class="muted"> · published {source.publishedOn}</span>}
              {quotes.length === 0 ? <Quote quote={null} /> : quotes.map((quote) => <Quote key={quote} quote={quote} />)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
