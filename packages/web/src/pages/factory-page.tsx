import { sg } from "../client.ts";
import { useLoad } from "../data/use-load.ts";
import { Failed, Loading, NotInGraph } from "../layout/load-states.tsx";
import { useTitle } from "../layout/use-title.ts";
import { FactoryMap, useMapPreload } from "../map/factory-map.tsx";
import { ClaimCard } from "../provenance/claim-card.tsx";
import { collectSources } from "../provenance/collect-sources.ts";
import { ProductionList } from "../provenance/production-list.tsx";
import { SourceList } from "../provenance/source-list.tsx";
import { Link } from "../routing/link.tsx";
import { StepDiagram } from "../steps/step-diagram.tsx";
import { factoryDatesText, formatNumber, placeText } from "../text/format.ts";

const PRODUCTIONS = 50;
/** The canonical process has 9 steps; one page holds any plausible vocabulary. */
const STEPS = 100;

/** A factory: where, since when, what it makes, and the steps done there. */
export function FactoryPage({ slug }: { readonly slug: string }) {
  useMapPreload();
  const load = useLoad(`factory:${slug}`, (signal) =>
    Promise.all([sg.factory({ slug, productionsFirst: PRODUCTIONS }, { signal }), sg.processSteps({ first: STEPS }, { signal })]),
  );
  useTitle(load.state === "done" && load.value[0] ? load.value[0].name : "Factory");
  if (load.state === "loading") return <Loading what="the factory" />;
  if (load.state === "failed") return <Failed error={load.error} />;
  const [factory, canonical] = load.value;
  if (!factory) return <NotInGraph what={`factory “${slug}”`} />;

  const productions = factory.productions.edges.map((edge) => edge.node);
  const here = new Set(factory.processSteps.map((step) => step.slug));
  const facts: [string, string][] = [];
  if (factory.streetAddress) facts.push(["Address", factory.streetAddress]);
  if (factory.workforce !== null) facts.push(["Workforce", `${formatNumber(factory.workforce)}${factory.workforceYear ? ` (as of ${factory.workforceYear})` : ""}`]);
  if (factory.weeklyCapacityPairs !== null)
    facts.push(["Capacity", `${formatNumber(factory.weeklyCapacityPairs)} pairs a week${factory.weeklyCapacityYear ? ` (as of ${factory.weeklyCapacityYear})` : ""}`]);
  if (factory.floorAreaSqFt !== null) facts.push(["Floor area", `${formatNumber(factory.floorAreaSqFt)} sq ft`]);
  facts.push(["Ownership", factory.ownership === "OWNED" ? "owned by its operator" : "contract manufacturer"]);

  return (
    <article class="factory">
      <h1 tabIndex={-1}>{factory.name}</h1>
      <p class="subtitle">{placeText(factory)}</p>
      <p>
        <strong class={`status status-${factory.status.toLowerCase()}`}>{factoryDatesText(factory)}</strong>
        {factory.operatorBrand ? (
          <>
            {" · run by "}
            <Link to={{ page: "brand", slug: factory.operatorBrand.slug }}>{factory.operatorBrand.name}</Link>
          </>
        ) : (
          factory.operatorName && <> · run by {factory.operatorName}</>
        )}
      </p>
      <dl class="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {factory.notes && <p>{factory.notes}</p>}

      <FactoryMap factories={[factory]} caption={`Where ${factory.name} is`} />

      <section aria-labelledby="route-heading">
        <h2 id="route-heading">Process route</h2>
        {here.size === 0 && <p class="muted">No source names the steps done here.</p>}
        <StepDiagram
          label={`Steps of making a shoe, and which are done at ${factory.name}`}
          steps={canonical.edges.map(({ node }) => ({ key: node.slug, name: node.name, description: node.description, here: here.has(node.slug) }))}
        />
      </section>

      <section aria-labelledby="makes-heading">
        <h2 id="makes-heading">What it makes</h2>
        <ProductionList productions={productions} show="model" />
      </section>

      {factory.claims.length > 0 && (
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims about {factory.name}</h2>
          <div class="claim-grid">
            {factory.claims.map((claim) => (
              <ClaimCard key={claim.id} claim={claim} />
            ))}
          </div>
        </section>
      )}

      <SourceList sources={collectSources([...factory.sources, ...factory.claims, ...productions.flatMap((production) => production.sources)])} />
    </article>
  );
}
