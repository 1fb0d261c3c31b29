import type { CitationFragment } from "@solegraph/sdk";
import { fieldWords } from "../text/format.ts";
import { PassageView } from "./passage.tsx";
import { SourceName } from "./source-name.tsx";

/** The sources a fact cites, each with the passage that says it and the fields it states. */
export function CitationList({ citations }: { readonly citations: readonly CitationFragment[] }) {
  return (
    <ul class="citations">
      {citations.map((citation, index) => (
        <li key={`${citation.source.id}-${index}`} class="citation">
          <SourceName source={citation.source} />
          <PassageView passage={citation} source={citation.source} />
          {citation.supports.length > 0 && <p class="muted supports">Backs: {citation.supports.map(fieldWords).join(", ")}</p>}
        </li>
      ))}
    </ul>
  );
}
