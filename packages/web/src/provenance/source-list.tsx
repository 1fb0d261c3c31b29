import { PassageView } from "./passage.tsx";
import { SourceName } from "./source-name.tsx";
import type { SourceWithPassages } from "./collect-sources.ts";

/** "Every source on this page": each once, with every passage of it the page rests on. */
export function SourceList({ sources }: { readonly sources: readonly SourceWithPassages[] }) {
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Every source on this page</h2>
      {sources.length === 0 ? (
        <p class="muted">No source is recorded.</p>
      ) : (
        <ol class="source-list">
          {sources.map(({ source, passages }) => (
            <li key={source.id}>
              <SourceName source={source} />
              {source.publishedOn && <span class="muted"> · published {source.publishedOn}</span>}
              {passages.map((passage, index) => (
                <PassageView key={index} passage={passage} source={source} />
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
