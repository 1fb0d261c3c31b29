/**
 * The page's addresses. Real paths rather than #fragments, so a journalist can paste
 * /model/990 into an article; the server answers every one of them with index.html
 * (packages/server/src/http/web-routes.ts lists the same prefixes).
 */
export type Route =
  | { readonly page: "home" }
  | { readonly page: "model"; readonly slug: string }
  | { readonly page: "series"; readonly name: string; readonly brand?: string | undefined }
  | { readonly page: "factory"; readonly slug: string }
  | { readonly page: "brand"; readonly slug: string }
  | { readonly page: "not-found"; readonly path: string };

/** The route a location's path (and query, for a series' brand) names. */
export function parseRoute(pathname: string, search = ""): Route {
  if (pathname === "/" || pathname === "") return { page: "home" };
  const match = /^\/(model|series|factory|brand)\/([^/]+)\/?$/.exec(pathname);
  const segment = match?.[2] === undefined ? undefined : safeDecode(match[2]);
  if (!match || segment === undefined || segment === "") return { page: "not-found", path: pathname };
  switch (match[1]) {
    case "model":
      return { page: "model", slug: segment };
    case "factory":
      return { page: "factory", slug: segment };
    case "brand":
      return { page: "brand", slug: segment };
    default: {
      const brand = new URLSearchParams(search).get("brand") ?? undefined;
      return { page: "series", name: segment, ...(brand ? { brand } : {}) };
    }
  }
}

/** The path of a route: the inverse of parseRoute. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case "home":
      return "/";
    case "model":
      return `/model/${encodeURIComponent(route.slug)}`;
    case "factory":
      return `/factory/${encodeURIComponent(route.slug)}`;
    case "brand":
      return `/brand/${encodeURIComponent(route.slug)}`;
    case "series":
      return `/series/${encodeURIComponent(route.name)}${route.brand ? `?brand=${encodeURIComponent(route.brand)}` : ""}`;
    case "not-found":
      return route.path;
  }
}

// A malformed escape (e.g. /model/%E0) is a page that does not exist, not a crash.
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
