import type { ClaimFragment } from "@solegraph/sdk";
import { PassageView } from "./passage.tsx";
import { SourceName } from "./source-name.tsx";

/** What one source claims (never a fact): what it says, where it says it, and who says it. */
export function ClaimCard({ claim }: { readonly claim: ClaimFragment }) {
  return (
    <article class="claim" aria-label={`Claim by ${claim.source.label}`}>
      <p class="claim-statement">
        {claim.stance === "DENIES" && <strong>Denies: </strong>}
        {claim.statement}
        {claim.sharePercent !== null && <span class="muted"> ({claim.sharePercent}%)</span>}
      </p>
      <PassageView passage={{ ...claim, statement: null }} source={claim.source} />
      <p class="claim-source">
        Claimed by <SourceName source={claim.source} />
      </p>
    </article>
  );
}
