import type { ClaimFragment } from "@solegraph/sdk";
import { ClaimCard } from "./claim-card.tsx";

interface Props {
  readonly forTitle: string;
  readonly againstTitle: string;
  readonly supporting: readonly ClaimFragment[];
  readonly conflicting: readonly ClaimFragment[];
  readonly headingLevel?: 3 | 4;
}

/**
 * Claims for and against, in two columns (stacked on a phone): the page never picks a
 * side for the reader beyond what the verdict's basis says.
 */
export function ClaimsSideBySide({ forTitle, againstTitle, supporting, conflicting, headingLevel = 3 }: Props) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div class="side-by-side">
      <section class="side side-for">
        <Heading>{forTitle}</Heading>
        {supporting.length === 0 ? <p class="muted">No claim recorded.</p> : supporting.map((claim) => <ClaimCard key={claim.id} claim={claim} />)}
      </section>
      <section class="side side-against">
        <Heading>{againstTitle}</Heading>
        {conflicting.length === 0 ? <p class="muted">No source says otherwise.</p> : conflicting.map((claim) => <ClaimCard key={claim.id} claim={claim} />)}
      </section>
    </div>
  );
}
