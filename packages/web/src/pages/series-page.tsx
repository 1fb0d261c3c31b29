import { sg } from "../client.ts";
import { useLoad } from "../data/use-load.ts";
import { Failed, Loading, NotInGraph } from "../layout/load-states.tsx";
import { useTitle } from "../layout/use-title.ts";
import { FactoryMap, useMapPreload } from "../map/factory-map.tsx";
import { collectSources } from "../provenance/collect-sources.ts";
import { SourceList } from "../provenance/source-list.tsx";
import { VerdictView } from "../provenance/verdict-view.tsx";
import { Link } from "../routing/link.tsx";

/** A model line ("the 990"): one verdict across its versions, and where they are made. */
export function SeriesPage({ name, brand }: { readonly name: string; readonly brand?: string | undefined }) {
  useMapPreload();
  const load = useLoad(`series:${brand ?? ""}:${name}`, (signal) => sg.series({ name, ...(brand ? { brand } : {}) }, { signal }));
  useTitle(`Is the ${name} line made in the USA?`);
  if (load.state === "loading") return <Loading what={`the ${name} line`} />;
  if (load.state === "failed") return <Failed error={load.error} />;
  const series = load.value;
  if (!series) return <NotInGraph what={`line called “${name}”`} />;
  const verdict = series.madeInUsa;
  return (
    <article class="series">
      <h1 tabIndex={-1}>The {series.name} line</h1>
      <p class="subtitle">
        {series.models.length} {series.models.length === 1 ? "version" : "versions"}:{" "}
        {series.models.map((model, index) => (
          <span key={model.id}>
            {index > 0 && ", "}
            <Link to={{ page: "model", slug: model.slug }}>{model.name}</Link>
          </span>
        ))}
      </p>
      <VerdictView verdict={verdict} />
      {verdict.factories.length > 0 && (
        <section aria-labelledby="map-heading">
          <h2 id="map-heading">Where the {series.name} line is made</h2>
          <FactoryMap factories={verdict.factories} caption={`Factories making the ${series.name} line in ${verdict.country.name}`} />
        </section>
      )}
      <SourceList sources={collectSources([...verdict.sources, ...verdict.supportingClaims, ...verdict.conflictingClaims])} />
    </article>
  );
}
