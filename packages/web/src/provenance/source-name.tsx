import type { SourceCardFragment } from "@solegraph/sdk";
import { SOURCE_KIND_LABEL } from "../text/format.ts";

/**
 * A source's name, linked to where it was published when the graph knows the address,
 * with its kind and whether it reports independently or speaks for the brand.
 */
export function SourceName({ source }: { readonly source: SourceCardFragment }) {
  return (
    <span class="source-name">
      {source.url ? (
        // A reader's own click to the publisher; nothing is fetched from there.
        <a href={source.url} rel="external noopener noreferrer">
          {source.label}
        </a>
      ) : (
        <span>
          {source.label} <span class="muted">(no address recorded)</span>
        </span>
      )}{" "}
      <span class={`badge ${source.independent ? "badge-independent" : "badge-interested"}`}>
        {SOURCE_KIND_LABEL[source.kind]} · {source.independent ? "independent" : "speaks for the brand"}
      </span>
    </span>
  );
}
