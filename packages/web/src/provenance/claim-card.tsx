import type { ClaimFragment } from "@solegraph/sdk";
import { Quote, SourceName } from "./source-name.tsx";

/** What one source claims (never a fact), with its words and who says it. */
export function ClaimCard({ claim }: { readonly claim: ClaimFragment }) {
  return (
    <article class="claim" aria-label={`Claim by ${claim.source.label}`}>
      <p class="claim-statement">
        {claim.stance === "DENIES" && <strong>Denies: </strong>}
        {claim.statement}
        {claim.sharePercent !== null && <span class="muted"> ({claim.sharePercent}%)</span>}
      </p>
      <Quote quote={claim.quote} />
      <p class="claim-source">
        Claimed by <SourceName source={claim.source} />
      </p>
    </article>
  );
}
