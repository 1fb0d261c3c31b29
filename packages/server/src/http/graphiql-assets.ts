import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { renderGraphiQL, type GraphiQLOptions, type Plugin } from "graphql-yoga";

/**
 * GraphiQL served from this server instead of a CDN: Yoga's page loads its script,
 * stylesheet and editor workers from unpkg.com, which fails offline, behind strict
 * firewalls and under a Content-Security-Policy. The same files ship in the
 * @graphql-yoga/graphiql package; we serve them under ASSETS_PATH.
 */
export const ASSETS_PATH = "/graphiql/assets/";

const DIST = path.dirname(createRequire(import.meta.url).resolve("@graphql-yoga/graphiql"));
const ASSETS: Record<string, string> = {
  "graphiql.css": "text/css; charset=utf-8",
  "yoga-graphiql.umd.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/editor.worker.bundle.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/json.worker.bundle.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/graphql.worker..bundle.js": "text/javascript; charset=utf-8",
};

/**
 * Yoga's GraphiQL page with its CDN addresses pointed at this server. The bundled
 * GraphiQL (4.5.0) opens with its `query` option and ignores `defaultQuery`, so the
 * default query is passed as both.
 */
export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  const withQuery: GraphiQLOptions & { query?: string } = { ...options };
  if (options.defaultQuery !== undefined) withQuery.query = options.defaultQuery;
  return renderGraphiQL(withQuery)
    .replace(/https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g, ASSETS_PATH)
    .replace(/<link rel=icon href=[^>]*>/, "");
}

/** Serves the GraphiQL files (and nothing else) from the package's dist folder. */
export function useGraphiQLAssets(): Plugin {
  const cache = new Map<string, Buffer>();
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(ASSETS_PATH)) return;
      const name = url.pathname.slice(ASSETS_PATH.length);
      const type = ASSETS[name];
      if (!type) {
        endResponse(new fetchAPI.Response("Not found", { status: 404 }));
        return;
      }
      let body = cache.get(name);
      if (!body) {
        body = fs.readFileSync(path.join(DIST, name));
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
