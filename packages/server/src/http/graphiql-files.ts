import { fileURLToPath } from "node:url";

/** Where GraphiQL's built files are kept in the repository (scripts/vendor-graphiql.ts). */
export const VENDOR_DIR = fileURLToPath(new URL("../../vendor/graphiql", import.meta.url));

/** The built files GraphiQL's page loads, and the content type each is served with. */
export const GRAPHIQL_FILES: Readonly<Record<string, string>> = {
  "graphiql.css": "text/css; charset=utf-8",
  "yoga-graphiql.umd.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/editor.worker.bundle.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/json.worker.bundle.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/graphql.worker..bundle.js": "text/javascript; charset=utf-8",
};
