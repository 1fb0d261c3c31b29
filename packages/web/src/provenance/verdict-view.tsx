import type { ProvenanceVerdictFragment } from "@solegraph/sdk";
import { Link } from "../routing/link.tsx";
import { BASIS_TEXT, placeText, STATUS_ANSWER, verdictExplanation } from "../text/format.ts";
import { CitationList } from "./citation-list.tsx";
import { ClaimsSideBySide } from "./claims-side-by-side.tsx";

/** "USA" for the United States, as people ask the question; the country's name otherwise. */
export function countryShortName(verdict: Pick<ProvenanceVerdictFragment, "countryCode" | "country">): string {
  return verdict.countryCode === "US" ? "the USA" : verdict.country.name;
}

/**
 * The answer to "made in the USA?" and, as prominently, what it rests on: reported by
 * independent sources, or only claimed; the factories and label claims; the citations;
 * the claims for and against side by side.
 */
export function VerdictView({ verdict }: { readonly verdict: ProvenanceVerdictFragment }) {
  const where = countryShortName(verdict);
  const basis = BASIS_TEXT[verdict.basis];
  return (
    <section class={`verdict basis-${verdict.basis.toLowerCase()}`} aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">Made in {where}?</h2>
      <p class="answer">
        <strong class={`answer-status status-${verdict.status.toLowerCase()}`}>{STATUS_ANSWER[verdict.status]}</strong>
        <span class="basis-badge" data-basis={verdict.basis}>
          {basis.label}
        </span>
      </p>
      <p class="basis-explanation">{verdictExplanation(verdict.status, verdict.basis)}</p>
      {verdict.volumeShare !== null && <p>Share of known volume made there: {Math.round(verdict.volumeShare * 100)}%.</p>}

      <h3>Factories</h3>
      {verdict.factories.length === 0 ? (
        <p class="muted">No factory in {where} is named by a source.</p>
      ) : (
        <ul class="factory-list">
          {verdict.factories.map((factory) => (
            <li key={factory.id}>
              <Link to={{ page: "factory", slug: factory.slug }}>{factory.name}</Link> <span class="muted">— {placeText(factory)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>Label claims</h3>
      {verdict.labelClaims.length === 0 ? (
        <p class="muted">No label claim is recorded.</p>
      ) : (
        <ul class="labels">
          {verdict.labelClaims.map((label) => (
            <li key={label} class="label-claim">
              “{label}”
            </li>
          ))}
        </ul>
      )}

      <h3>What the answer rests on</h3>
      {verdict.sources.length === 0 ? (
        <p class="rests-on-claims">
          No source reports a production there{verdict.supportingClaims.length > 0 ? ": the answer rests on the claims below." : "."}
        </p>
      ) : (
        <CitationList citations={verdict.sources} />
      )}
      <ClaimsSideBySide
        forTitle={`Claims that it is made in ${where}`}
        againstTitle="Claims that say otherwise"
        supporting={verdict.supportingClaims}
        conflicting={verdict.conflictingClaims}
      />
    </section>
  );
}
