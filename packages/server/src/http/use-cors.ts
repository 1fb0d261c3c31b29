import type { Plugin } from "graphql-yoga";

/**
 * Cross-origin reads. With CORS_ORIGINS unset (`*`), any origin may read answers, but
 * without the browser's credentials: `Access-Control-Allow-Origin: *`, which browsers
 * never combine with cookies or HTTP auth. With a list, only those origins, and with
 * credentials. A `null` origin (sandboxed frames, files) is never allowed, and an origin
 * is never echoed unless listed. (graphql-yoga's own CORS echoes any origin for `*`,
 * `null` included, and answers `null` to unlisted ones: hence this plugin.)
 */
const METHODS = "GET, POST, OPTIONS";
const HEADERS = "content-type, authorization, accept, x-request-id";

export function useCors(origins: readonly string[]): Plugin {
  const anyOrigin = origins.includes("*");
  const allowed = new Set(origins);
  const allowHeaders = (origin: string | null): Record<string, string> => {
    if (origin === null) return {};
    if (anyOrigin) return { "access-control-allow-origin": "*" };
    if (!allowed.has(origin)) return { vary: "Origin" };
    return { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
  };
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "OPTIONS" || !request.headers.has("access-control-request-method")) return;
      const headers = allowHeaders(request.headers.get("origin"));
      if (headers["access-control-allow-origin"]) {
        Object.assign(headers, { "access-control-allow-methods": METHODS, "access-control-allow-headers": HEADERS, "access-control-max-age": "600" });
      }
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      for (const [name, value] of Object.entries(allowHeaders(request.headers.get("origin")))) {
        if (name === "vary") response.headers.append("vary", value);
        else response.headers.set(name, value);
      }
      if (request.headers.has("origin")) response.headers.set("access-control-expose-headers", "x-request-id");
    },
  };
}
