import { sg } from "../client.ts";
import { CountryChart } from "../charts/country-chart.tsx";
import { useLoad } from "../data/use-load.ts";
import { Failed, Loading, NotInGraph } from "../layout/load-states.tsx";
import { useTitle } from "../layout/use-title.ts";
import { FactoryMap, useMapPreload } from "../map/factory-map.tsx";
import { ClaimCard } from "../provenance/claim-card.tsx";
import { collectSources } from "../provenance/collect-sources.ts";
import { SourceList } from "../provenance/source-list.tsx";
import { Link } from "../routing/link.tsx";
import { BASIS_TEXT, STATUS_ANSWER } from "../text/format.ts";
import { BrandDisclosures } from "./brand-disclosures.tsx";

/** The largest page the server allows (README: "Limits"). */
const PAGE = 100;

/** A brand: production by country, its factories on a map, its models and their answers. */
export function BrandPage({ slug }: { readonly slug: string }) {
  useMapPreload();
  const load = useLoad(`brand:${slug}`, (signal) => sg.brand({ slug, modelsFirst: PAGE, factoriesFirst: PAGE }, { signal }));
  useTitle(load.state === "done" && load.value ? `Where ${load.value.name} makes its shoes` : "Brand");
  if (load.state === "loading") return <Loading what="the brand" />;
  if (load.state === "failed") return <Failed error={load.error} />;
  const brand = load.value;
  if (!brand) return <NotInGraph what={`brand “${slug}”`} />;

  const factories = brand.factories.edges.map((edge) => edge.node);
  const models = brand.models.edges.map((edge) => edge.node);
  const byCountry = brand.productionByCountry;
  const recorded = byCountry.countries.filter((country) => country.recorded);
  const onlySaid = byCountry.countries.filter((country) => !country.recorded);
  const headquarters = [brand.headquartersCity, brand.headquartersRegion, brand.headquartersCountry?.name].filter(Boolean).join(", ");

  return (
    <article class="brand">
      <h1 tabIndex={-1}>{brand.name}</h1>
      <p class="subtitle">
        {[brand.foundedYear && `founded ${brand.foundedYear}`, headquarters && `based in ${headquarters}`].filter(Boolean).join(" · ")}
        {brand.website && (
          <>
            {" · "}
            <a href={brand.website} rel="external noopener noreferrer">
              website
            </a>
          </>
        )}
      </p>
      {brand.description && <p>{brand.description}</p>}

      <section aria-labelledby="countries-heading">
        <h2 id="countries-heading">Production by country</h2>
        <p class="coverage-note">
          What the graph records, not {brand.name}'s output: the counts are of the factories and productions its sources name. A country
          missing here is not one where {brand.name} makes nothing; it is one no source in the graph places production in.
        </p>
        <CountryChart countries={recorded} />
        {onlySaid.length > 0 && (
          <section aria-labelledby="said-heading">
            <h3 id="said-heading">Where sources say {brand.name} also makes shoes</h3>
            <p class="muted">No factory there is recorded: these are what the sources say, each with its passage.</p>
            <ul class="said-countries">
              {onlySaid.map((country) => (
                <li key={country.countryCode}>
                  <h4>{country.countryName}</h4>
                  <div class="claim-grid">
                    {country.claims.map((claim) => (
                      <ClaimCard key={claim.id} claim={claim} />
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        {byCountry.claims.length > 0 && (
          <>
            <h3>What sources claim about the shares of production and sales</h3>
            <p class="muted">Side by side, as they say it: they may disagree, and none of them is a recorded fact.</p>
            <div class="claim-grid">
              {byCountry.claims.map((claim) => (
                <ClaimCard key={claim.id} claim={claim} />
              ))}
            </div>
          </>
        )}
      </section>

      <BrandDisclosures brand={brand} name={brand.name} />

      <section aria-labelledby="factories-heading">
        <h2 id="factories-heading">Factories</h2>
        {factories.length === 0 ? (
          <p class="muted">No factory run by {brand.name} is recorded.</p>
        ) : (
          <FactoryMap factories={factories} caption={`Factories run by ${brand.name}`} />
        )}
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models</h2>
        <ul class="model-list">
          {models.map((model) => (
            <li key={model.id}>
              <Link to={{ page: "model", slug: model.slug }}>{model.name}</Link>
              {model.madeIn.map((entry) => (
                <span key={entry.countryCode} class="muted">
                  {" · "}made in {entry.country.name}: {STATUS_ANSWER[entry.status].toLowerCase()}{" "}
                  <span class="basis-badge" data-basis={entry.basis}>
                    {BASIS_TEXT[entry.basis].label}
                  </span>
                </span>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <SourceList sources={collectSources([...brand.sources, ...brand.claims, ...byCountry.claims, ...onlySaid.flatMap((country) => country.claims)])} />
    </article>
  );
}
