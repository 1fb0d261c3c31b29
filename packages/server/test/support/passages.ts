import { loadSeedData, rules } from "@solegraph/db";

const seedUrls = new Map(loadSeedData().sources.map((source) => [source.slug, source.url]));

/**
 * A citation input for a test: the source, a locator a few words into its page (the
 * seed's URL for a seed source, `url` for one the test made, or the fragment alone),
 * and a statement. `words` must be in the source's text when the graph keeps it.
 */
export function citation(
  source: string,
  options: { url?: string | null; words?: string; statement?: string; quote?: string; supports?: string[] } = {},
): { source: string; locator: string; statement: string; quote?: string; supports?: string[] } {
  const { url = seedUrls.get(source) ?? null, words = "New Balance", statement = `The test's reading of ${source}.`, ...rest } = options;
  return { source, locator: rules.textLocator(url, [words]), statement, ...rest };
}
