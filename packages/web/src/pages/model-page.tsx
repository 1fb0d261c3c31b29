import { sg } from "../client.ts";
import { useLoad } from "../data/use-load.ts";
import { Failed, Loading, NotInGraph } from "../layout/load-states.tsx";
import { useTitle } from "../layout/use-title.ts";
import { ClaimCard } from "../provenance/claim-card.tsx";
import { collectSources, type Passage } from "../provenance/collect-sources.ts";
import { ProductionList } from "../provenance/production-list.tsx";
import { SourceList } from "../provenance/source-list.tsx";
import { VerdictView } from "../provenance/verdict-view.tsx";
import { Link } from "../routing/link.tsx";
import { BASIS_TEXT, STATUS_ANSWER } from "../text/format.ts";

const PRODUCTIONS = 50;

/** A model: "made in the USA?" and what that rests on, its productions, every source. */
export function ModelPage({ slug }: { readonly slug: string }) {
  const load = useLoad(`model:${slug}`, (signal) => sg.model({ slug, productionsFirst: PRODUCTIONS }, { signal }));
  useTitle(load.state === "done" && load.value ? `Is the ${load.value.name} made in the USA?` : "Model");
  if (load.state === "loading") return <Loading what="the model" />;
  if (load.state === "failed") return <Failed error={load.error} />;
  const model = load.value;
  if (!model) return <NotInGraph what={`model “${slug}”`} />;

  const verdict = model.madeInUsa;
  const productions = model.productions.edges.map((edge) => edge.node);
  const verdictClaimIds = new Set([...verdict.supportingClaims, ...verdict.conflictingClaims].map((claim) => claim.id));
  const otherClaims = model.claims.filter((claim) => !verdictClaimIds.has(claim.id));
  const elsewhere = model.madeIn.filter((entry) => entry.countryCode !== verdict.countryCode);
  const passages: Passage[] = [
    ...verdict.sources,
    ...verdict.supportingClaims,
    ...verdict.conflictingClaims,
    ...model.sources,
    ...model.claims,
    ...productions.flatMap((production) => production.sources),
  ];

  return (
    <article class="model">
      <h1 tabIndex={-1}>{model.name}</h1>
      <p class="subtitle">
        by <Link to={{ page: "brand", slug: model.brand.slug }}>{model.brand.name}</Link>
        {model.category && <> · {model.category.toLowerCase()}</>}
        {model.releaseYear && <> · released {model.releaseYear}</>}
      </p>
      {model.series && (
        <p>
          Part of the{" "}
          <Link to={{ page: "series", name: model.series, brand: model.brand.slug }}>{model.series} line</Link>: one answer
          across its versions.
        </p>
      )}
      {model.description && <p>{model.description}</p>}

      <VerdictView verdict={verdict} />

      {elsewhere.length > 0 && (
        <section aria-labelledby="elsewhere-heading">
          <h2 id="elsewhere-heading">Made elsewhere?</h2>
          <ul class="verdict-cards">
            {elsewhere.map((entry) => (
              <li key={entry.countryCode}>
                {entry.country.name}: <strong>{STATUS_ANSWER[entry.status]}</strong>{" "}
                <span class="basis-badge" data-basis={entry.basis}>
                  {BASIS_TEXT[entry.basis].label}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="productions-heading">
        <h2 id="productions-heading">Productions</h2>
        <ProductionList productions={productions} show="factory" />
      </section>

      {otherClaims.length > 0 && (
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">Other claims about the {model.name}</h2>
          <div class="claim-grid">
            {otherClaims.map((claim) => (
              <ClaimCard key={claim.id} claim={claim} />
            ))}
          </div>
        </section>
      )}

      <SourceList sources={collectSources(passages)} />
    </article>
  );
}
