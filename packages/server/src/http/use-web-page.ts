import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "graphql-yoga";
import { assetFile, WEB_ASSETS_PATH, WEB_ROUTE, webPageBuilt } from "./web-files.ts";

/**
 * Only what the page itself needs: its own scripts, styles and data, the GraphQL
 * endpoint on the same origin, and nothing from elsewhere (the map is drawn from data
 * served here, the fonts are the system's). A source link is the reader's own click.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  // Revalidated every time (with the ETag): a new build's index.html names new files.
  "cache-control": "no-cache",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** Hashed names change with their content: a year, and no revalidation. */
const ASSET_CACHE = "public, max-age=31536000, immutable";

interface WebPageOptions {
  /** The built page (web-files.ts: WEB_DIST_DIR); when it holds no build, `/` falls back. */
  readonly root: string;
  /** Where `/` leads when the page is not built: GraphiQL when it is on. */
  readonly graphiql: boolean;
  readonly endpoint?: string;
}

/**
 * Serves the web page at `/` and its client-side addresses (/model/990, ...), and its
 * hashed files under /assets/. Without a build, `/` leads to GraphiQL as before (or
 * says where the endpoint is), so the API never depends on the page.
 */
export function useWebPage({ root, graphiql, endpoint = "/graphql" }: WebPageOptions): Plugin {
  // Hashed files never change under their name: read once.
  const assets = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const { pathname } = url;
      const head = request.method === "HEAD";

      if (pathname.startsWith(WEB_ASSETS_PATH)) {
        const asset = assetFile(root, pathname.slice(WEB_ASSETS_PATH.length));
        if (!asset) {
          endResponse(new fetchAPI.Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
          return;
        }
        let body = assets.get(asset.file);
        if (!body) {
          body = new Uint8Array(fs.readFileSync(asset.file));
          assets.set(asset.file, body);
        }
        endResponse(
          new fetchAPI.Response(head ? null : body, {
            status: 200,
            headers: { "content-type": asset.type, "content-length": String(body.byteLength), "cache-control": ASSET_CACHE, "x-content-type-options": "nosniff" },
          }),
        );
        return;
      }

      if (!WEB_ROUTE.test(pathname)) return;
      if (!webPageBuilt(root)) {
        if (pathname !== "/") return;
        endResponse(
          graphiql
            ? new fetchAPI.Response(null, { status: 302, headers: { location: endpoint } })
            : new fetchAPI.Response(`solegraph: the GraphQL endpoint is POST ${endpoint}\n`, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } }),
        );
        return;
      }
      // Read each time (it is small): a rebuild while the server runs is served at once.
      const page = fs.readFileSync(path.join(root, "index.html"));
      const etag = `"${createHash("sha256").update(page).digest("base64url").slice(0, 27)}"`;
      if (request.headers.get("if-none-match") === etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers: { etag, "cache-control": PAGE_HEADERS["cache-control"] } }));
        return;
      }
      endResponse(new fetchAPI.Response(head ? null : new Uint8Array(page), { status: 200, headers: { ...PAGE_HEADERS, etag, "content-length": String(page.byteLength) } }));
    },
  };
}
