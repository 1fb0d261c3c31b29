import { useEffect, useState } from "preact/hooks";
import { parseRoute, type Route } from "./routes.ts";

/**
 * Client-side navigation over the History API: one event tells every listener that the
 * location changed, whether by a link of ours (navigate) or the browser's back and
 * forward buttons (popstate).
 */
const CHANGED = "solegraph:navigate";

export function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}

export function navigate(href: string): void {
  if (href === location.pathname + location.search) return;
  history.pushState(null, "", href);
  // A new page starts at its top, as a full load would.
  scrollTo(0, 0);
  dispatchEvent(new Event(CHANGED));
}

/** The current route, re-rendering on every navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener(CHANGED, update);
    addEventListener("popstate", update);
    return () => {
      removeEventListener(CHANGED, update);
      removeEventListener("popstate", update);
    };
  }, []);
  return route;
}
