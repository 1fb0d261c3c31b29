import type { ProductionCardFragment } from "@solegraph/sdk";
import { Link } from "../routing/link.tsx";
import { StepDiagram } from "../steps/step-diagram.tsx";
import { EVIDENCE_LABEL, placeText } from "../text/format.ts";

interface Props {
  readonly productions: readonly ProductionCardFragment[];
  /** Which side of the production to name: the model (on a factory's page) or the factory (on a model's). */
  readonly show: "model" | "factory";
}

/** Productions: a model made at a factory (or only in a country), its label, evidence and route. */
export function ProductionList({ productions, show }: Props) {
  if (productions.length === 0) return <p class="muted">No production is recorded.</p>;
  return (
    <ul class="productions">
      {productions.map((production) => (
        <li key={production.id} class="production">
          <p class="production-title">
            {show === "model" ? (
              <Link to={{ page: "model", slug: production.model.slug }}>{production.model.name}</Link>
            ) : production.factory ? (
              <>
                <Link to={{ page: "factory", slug: production.factory.slug }}>{production.factory.name}</Link>{" "}
                <span class="muted">— {placeText(production.factory)}</span>
              </>
            ) : (
              <>
                {production.country.name} <span class="muted">(no factory named)</span>
              </>
            )}
          </p>
          <p>
            {production.labelClaim ? <span class="label-claim">“{production.labelClaim}”</span> : <span class="muted">No label claim</span>}
            {" · "}
            <span class={`evidence evidence-${production.evidence.toLowerCase()}`}>{EVIDENCE_LABEL[production.evidence]}</span>
            {(production.startYear ?? production.endYear) !== null && (
              <span class="muted">
                {" · "}
                {production.startYear ?? "?"}–{production.endYear ?? "today"}
              </span>
            )}
          </p>
          {production.notes && <p class="muted">{production.notes}</p>}
          {production.route.length > 0 && (
            <StepDiagram
              label={`Route of the ${production.model.name}${production.factory ? ` at ${production.factory.name}` : ""}`}
              steps={production.route.map((step) => ({ key: step.step.slug, name: step.step.name, technique: step.technique, here: true }))}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
