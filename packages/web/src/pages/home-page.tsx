import { sg } from "../client.ts";
import { useLoad } from "../data/use-load.ts";
import { useTitle } from "../layout/use-title.ts";
import { Link } from "../routing/link.tsx";
import { SearchBox } from "../search/search-box.tsx";

/** The first page: the question, the search, and the brands the graph knows. */
export function HomePage() {
  useTitle("");
  const brands = useLoad("brands", (signal) => sg.brands({ first: 50 }, { signal }));
  return (
    <div class="home">
      <h1 tabIndex={-1}>Where is my sneaker made?</h1>
      <p class="lede">
        Type a brand, a model or a factory. Every answer says what it rests on: production that independent sources
        report, or only what the brand and its marketing claim.
      </p>
      <SearchBox id="home-search" />
      <p class="muted">Try “990”, “hiero” or “Flimby”: small typos are fine.</p>
      {brands.state === "done" && brands.value.edges.length > 0 && (
        <section aria-labelledby="brands-heading">
          <h2 id="brands-heading">Brands in the graph</h2>
          <ul class="brand-list">
            {brands.value.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={{ page: "brand", slug: node.slug }}>{node.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
