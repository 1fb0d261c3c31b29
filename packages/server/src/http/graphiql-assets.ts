import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { renderGraphiQL, type GraphiQLOptions, type Plugin } from "graphql-yoga";
import { GRAPHIQL_FILES, VENDOR_DIR } from "./graphiql-files.ts";

/**
 * GraphiQL served from this server instead of a CDN: Yoga's page loads its script,
 * stylesheet and editor workers from unpkg.com, which fails offline, behind strict
 * firewalls and under a Content-Security-Policy. The same built files, from the
 * @graphql-yoga/graphiql package, are kept in vendor/graphiql/ (see
 * scripts/vendor-graphiql.ts for why not the package itself); we serve them under
 * ASSETS_PATH.
 */
export const ASSETS_PATH = "/graphiql/assets/";

/**
 * Yoga's GraphiQL page with its CDN addresses pointed at this server. The bundled
 * GraphiQL (4.5.0) opens with its `query` option and ignores `defaultQuery`, so the
 * default query is passed as both.
 */
export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  const withQuery: GraphiQLOptions & { query?: string } = { ...options };
  if (options.defaultQuery !== undefined) withQuery.query = options.defaultQuery;
  const page = renderGraphiQL(withQuery)
    .replace(/https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g, ASSETS_PATH)
    .replace(/<link rel=icon href=[^>]*>/, "");
  return page.replace("<head>", `<head><meta http-equiv=Content-Security-Policy content="${graphiqlPolicy(page)}">`);
}

/**
 * The page's Content-Security-Policy: its own two inline scripts by hash and the files
 * served here, nothing from elsewhere; Monaco's workers start from blob: URLs and
 * GraphiQL styles inline. Framing is refused by header (http/use-page-security.ts): a
 * meta policy cannot say frame-ancestors.
 */
function graphiqlPolicy(page: string): string {
  const hashes = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, script]) => `'sha256-${createHash("sha256").update(script!).digest("base64")}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** Serves the GraphiQL files (and nothing else) from the package's dist folder. */
export function useGraphiQLAssets(): Plugin {
  const cache = new Map<string, Buffer>();
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(ASSETS_PATH)) return;
      const name = url.pathname.slice(ASSETS_PATH.length);
      const type = GRAPHIQL_FILES[name];
      if (!type) {
        endResponse(new fetchAPI.Response("Not found", { status: 404 }));
        return;
      }
      let body = cache.get(name);
      if (!body) {
        body = fs.readFileSync(path.join(VENDOR_DIR, name));
        cache.set(name, body);
      }
      endResponse(
        new fetchAPI.Response(new Uint8Array(body), {
          status: 200,
          headers: { "content-type": type, "cache-control": "public, max-age=86400" },
        }),
      );
    },
  };
}
