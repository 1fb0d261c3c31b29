import type { PayloadOf } from "@solegraph/sdk";
import type { Route } from "../routing/routes.ts";

export type SearchHit = PayloadOf<"search">[number];

/** One entry of the search box's list: where it leads and how it reads. */
export interface SearchOption {
  readonly key: string;
  readonly kind: "Brand" | "Model" | "Factory" | "Line";
  readonly label: string;
  readonly detail: string;
  readonly route: Route;
  /** Only spelled like the query ("574" → the 576): offered as "did you mean", never as the answer. */
  readonly suggestion: boolean;
}

/** Whether the graph has the thing asked for: some hit answers the query rather than neighbouring it. */
export function hasAnswer(options: readonly SearchOption[]): boolean {
  return options.some((option) => !option.suggestion);
}

/** What the server caps a search query at (README: "Limits"). */
export const MAX_QUERY_LENGTH = 100;

/**
 * The server's hits, best first, plus a "line" entry for every series among the model
 * hits: "is the 990 made in the USA?" is asked of the line, whose verdict spans its
 * versions. A line goes just before its first model when the query names the line
 * ("990"), else after its last one ("hiero" finds a model of the Fresh Foam line).
 */
export function searchOptions(query: string, hits: readonly SearchHit[]): SearchOption[] {
  const wanted = normalize(query);
  const lines = new Map<string, { name: string; brand: string; brandName: string; models: number; first: number; last: number; suggestion: boolean }>();
  const options: SearchOption[] = hits.map(({ match, result: hit }, index) => {
    const suggestion = match === "SUGGESTION";
    switch (hit.__typename) {
      case "Brand":
        return {
          key: `brand:${hit.slug}`,
          kind: "Brand",
          label: hit.name,
          detail: hit.headquartersCountry ? `Brand, ${hit.headquartersCountry.name}` : "Brand",
          route: { page: "brand", slug: hit.slug },
          suggestion,
        };
      case "Factory":
        return {
          key: `factory:${hit.slug}`,
          kind: "Factory",
          label: hit.name,
          detail: [hit.city, hit.region, hit.country.name].filter(Boolean).join(", "),
          route: { page: "factory", slug: hit.slug },
          suggestion,
        };
      case "SneakerModel": {
        if (hit.series) {
          const key = `${hit.brand.slug}\u0000${hit.series}`;
          const line = lines.get(key);
          if (line) {
            line.models += 1;
            line.last = index;
            line.suggestion &&= suggestion;
          } else {
            lines.set(key, { name: hit.series, brand: hit.brand.slug, brandName: hit.brand.name, models: 1, first: index, last: index, suggestion });
          }
        }
        return {
          key: `model:${hit.slug}`,
          kind: "Model",
          label: hit.name,
          detail: hit.series ? `${hit.brand.name} · ${hit.series} line` : hit.brand.name,
          route: { page: "model", slug: hit.slug },
          suggestion,
        };
      }
    }
  });
  // Insert from the back so earlier positions stay valid.
  const insertions = [...lines.values()]
    .map((line) => ({
      at: normalize(line.name).includes(wanted) || wanted.includes(normalize(line.name)) ? line.first : line.last + 1,
      option: {
        key: `series:${line.brand}:${line.name}`,
        kind: "Line" as const,
        label: `The ${line.name} line`,
        detail: `${line.brandName} · every version, one answer`,
        route: { page: "series" as const, name: line.name, brand: line.brand },
        suggestion: line.suggestion,
      },
    }))
    .sort((a, b) => b.at - a.at);
  for (const { at, option } of insertions) options.splice(at, 0, option);
  return options;
}

/** The query as sent: trimmed, inner whitespace collapsed, within the server's cap. */
export function cleanQuery(input: string): string {
  return input.trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
