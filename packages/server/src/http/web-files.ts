import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The web page's build (packages/web: `vite build`, run by the root postinstall and
 * `npm run build:web`): index.html and content-hashed files in assets/.
 */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/**
 * The page's own addresses (packages/web/src/routing/routes.ts): each is answered with
 * index.html and the page shows what it names; anything else is not the page's.
 */
export const WEB_ROUTE = /^\/(?:(?:model|series|factory|brand)\/[^/]+\/?)?$/;

/** Where the hashed files are served; their names change with their content. */
export const WEB_ASSETS_PATH = "/assets/";

/** What a hashed file's name may be: no folders, no dots leading out. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

export function webPageBuilt(root: string): boolean {
  return fs.existsSync(path.join(root, "index.html"));
}

/** A file of assets/ with its type, or undefined for a name that is not one. */
export function assetFile(root: string, name: string): { readonly file: string; readonly type: string } | undefined {
  if (!ASSET_NAME.test(name)) return undefined;
  const type = CONTENT_TYPES[path.extname(name)];
  if (!type) return undefined;
  const file = path.join(root, "assets", name);
  return fs.existsSync(file) ? { file, type } : undefined;
}
