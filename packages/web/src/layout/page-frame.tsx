import type { ComponentChildren, Ref } from "preact";
import { Link } from "../routing/link.tsx";
import { SearchBox } from "../search/search-box.tsx";

interface Props {
  readonly children: ComponentChildren;
  /** The home page has its own, larger search. */
  readonly headerSearch: boolean;
  readonly mainRef: Ref<HTMLElement>;
}

/** Skip link, banner with the search, the page's main content, and where the data comes from. */
export function PageFrame({ children, headerSearch, mainRef }: Props) {
  return (
    <>
      <a href="#main" class="skip-link">
        Skip to content
      </a>
      <header class="banner">
        <Link to={{ page: "home" }} class="brand-link">
          solegraph <span class="tagline">where is my sneaker made?</span>
        </Link>
        {headerSearch && <SearchBox id="header-search" />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          Every answer says what it rests on: facts reported by independent sources, or claims by the brand and its
          marketing, each with its source. Developers: the same data in{" "}
          <a href="/graphql">GraphiQL</a>.
        </p>
      </footer>
    </>
  );
}
