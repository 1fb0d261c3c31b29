import type { BrandDisclosuresFragment } from "@solegraph/sdk";
import { FactoryMap } from "../map/factory-map.tsx";
import { SourceName } from "../provenance/source-name.tsx";
import { Link } from "../routing/link.tsx";
import { formatNumber } from "../text/format.ts";

/**
 * What the brand's own supplier lists disclose: its current footwear factories by
 * country and by supplier group, and each list it published with what changed. Counts
 * are of listed factories (what the brand discloses), not of its output.
 */
export function BrandDisclosures({ brand, name }: { readonly brand: BrandDisclosuresFragment; readonly name: string }) {
  if (brand.disclosures.length === 0) return null;
  const latest = brand.disclosures.at(-1)!;
  return (
    <section aria-labelledby="disclosed-heading">
      <h2 id="disclosed-heading">What {name}'s supplier lists disclose</h2>
      <p class="coverage-note">
        From {name}'s own list as of {latest.asOf}: the footwear factories it names, counted by country. Finished-goods assembly is counted
        apart from components and materials. These are listed factories, not a share of {name}'s output.
      </p>
      <table class="disclosed-countries">
        <caption>Disclosed footwear factories by country</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Finished goods</th>
            <th scope="col">Components and materials</th>
            <th scope="col">All listed</th>
          </tr>
        </thead>
        <tbody>
          {brand.disclosedFactoriesByCountry.map((row) => (
            <tr key={row.country.code}>
              <th scope="row">{row.country.name}</th>
              <td>{formatNumber(row.finishedGoods)}</td>
              <td>{formatNumber(row.componentsAndMaterials)}</td>
              <td>{formatNumber(row.factoryCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {brand.disclosedSupplierGroups.length > 0 && (
        <table class="disclosed-groups">
          <caption>Disclosed footwear factories by supplier group</caption>
          <thead>
            <tr>
              <th scope="col">Supplier group</th>
              <th scope="col">Factories</th>
              <th scope="col">Countries</th>
            </tr>
          </thead>
          <tbody>
            {brand.disclosedSupplierGroups.map((row) => (
              <tr key={row.supplierGroup?.id ?? "none"}>
                <th scope="row">{row.supplierGroup?.name ?? <span class="muted">No group named</span>}</th>
                <td>{formatNumber(row.factoryCount)}</td>
                <td>{formatNumber(row.countryCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <FactoryMap factories={brand.listedFactories.edges.map((edge) => edge.node)} caption={`Footwear factories on ${name}'s latest list`} />

      <h3>Lists published, and what changed</h3>
      <ol class="disclosure-timeline">
        {brand.disclosures.map((disclosure) => (
          <li key={disclosure.source.id}>
            <p>
              <strong>As of {disclosure.asOf}</strong>: {formatNumber(disclosure.factoryCount)} factories listed,{" "}
              {formatNumber(disclosure.added)} added, {formatNumber(disclosure.dropped)} no longer listed.
            </p>
            <p class="muted">
              <SourceName source={disclosure.source} />
              {disclosure.source.publisher && <> · published by {disclosure.source.publisher}</>}
              {disclosure.source.licence && <> · licence {disclosure.source.licence}</>}
            </p>
            <FactoryNames label="Added" factories={disclosure.added < disclosure.factoryCount ? disclosure.addedFactories : []} />
            <FactoryNames label="No longer listed" factories={disclosure.droppedFactories} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function FactoryNames({ label, factories }: { readonly label: string; readonly factories: readonly { readonly id: string; readonly slug: string; readonly name: string }[] }) {
  if (factories.length === 0) return null;
  return (
    <p>
      {label}:{" "}
      {factories.map((factory, index) => (
        <span key={factory.id}>
          {index > 0 && ", "}
          <Link to={{ page: "factory", slug: factory.slug }}>{factory.name}</Link>
        </span>
      ))}
    </p>
  );
}
