import { useEffect, useRef } from "preact/hooks";
import { PageFrame } from "./layout/page-frame.tsx";
import { BrandPage } from "./pages/brand-page.tsx";
import { FactoryPage } from "./pages/factory-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { ModelPage } from "./pages/model-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { SeriesPage } from "./pages/series-page.tsx";
import { useRoute } from "./routing/navigation.ts";
import { hrefOf, type Route } from "./routing/routes.ts";

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const href = hrefOf(route);
  // After an in-page navigation, focus goes to the new content, as a page load would
  // put a screen reader at the top; not on the first load, where it would steal focus.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [href]);
  return (
    <PageFrame headerSearch={route.page !== "home"} mainRef={main}>
      <Page route={route} key={href} />
    </PageFrame>
  );
}

function Page({ route }: { readonly route: Route }) {
  switch (route.page) {
    case "home":
      return <HomePage />;
    case "model":
      return <ModelPage slug={route.slug} />;
    case "series":
      return <SeriesPage name={route.name} brand={route.brand} />;
    case "factory":
      return <FactoryPage slug={route.slug} />;
    case "brand":
      return <BrandPage slug={route.slug} />;
    case "not-found":
      return <NotFoundPage path={route.path} />;
  }
}
