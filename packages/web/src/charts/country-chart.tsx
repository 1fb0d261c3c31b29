import type { PayloadOf } from "@solegraph/sdk";
import { formatNumber } from "../text/format.ts";

type Countries = NonNullable<PayloadOf<"brand">>["productionByCountry"]["countries"];

const BAR_HEIGHT = 28;
const GAP = 12;
const LABEL_WIDTH = 190;
const WIDTH = 560;

/**
 * Productions recorded per country as horizontal bars, with the figures in a table
 * beneath (what assistive technology reads; the chart is its picture). The bars count
 * records, not output: the graph knows few volumes, and the caption says so.
 */
export function CountryChart({ countries }: { readonly countries: Countries }) {
  if (countries.length === 0) return <p class="muted">No production is recorded.</p>;
  const max = Math.max(...countries.map((country) => country.productionCount), 1);
  const height = countries.length * (BAR_HEIGHT + GAP);
  const barSpace = WIDTH - LABEL_WIDTH - 40;
  return (
    <figure class="country-chart">
      <figcaption id="country-chart-caption">
        Productions recorded per country: a count of records in the graph, not a share of output.
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="country-chart-caption" class="chart">
        {countries.map((country, index) => {
          const y = index * (BAR_HEIGHT + GAP);
          const width = Math.max((country.productionCount / max) * barSpace, 2);
          return (
            <g key={country.countryCode} data-country={country.countryCode}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} class="chart-label" text-anchor="end" dominant-baseline="middle">
                {country.countryName}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} class="chart-bar" />
              <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT / 2} class="chart-value" dominant-baseline="middle">
                {country.productionCount}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="figures">
        <caption class="visually-hidden">Production by country, in figures</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Productions</th>
            <th scope="col">Recorded factories</th>
            <th scope="col">Known volume</th>
          </tr>
        </thead>
        <tbody>
          {countries.map((country) => (
            <tr key={country.countryCode}>
              <th scope="row">{country.countryName}</th>
              <td>{country.productionCount}</td>
              <td>{country.factoryCount}</td>
              <td>
                {country.knownVolume === null
                  ? "unknown"
                  : `${formatNumber(country.knownVolume)} pairs/year${country.volumeShare === null ? "" : ` (${Math.round(country.volumeShare * 100)}%)`}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
