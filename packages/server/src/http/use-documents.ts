import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { createInMemoryAPQStore, useAPQ } from "@graphql-yoga/plugin-apq";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";

/** The SDK's persisted-documents manifest (hash → document), written by `npm run codegen`. */
export const DEFAULT_MANIFEST = fileURLToPath(new URL("../../../sdk/src/generated/trusted/persisted-documents.json", import.meta.url));

/** Documents by their SHA-256 (hex), from a manifest whose keys may carry a "sha256:" prefix. */
export function readManifest(file: string): ReadonlyMap<string, string> {
  const entries = Object.entries(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>);
  return new Map(entries.map(([key, document]) => [key.replace(/^sha256:/, ""), document]));
}

const refused = (message: string, code: string) => ({ message, extensions: { code, http: { status: 400 } } });

/**
 * Which documents the server runs.
 * - "open": any document; documents may also come as a hash alone — the SDK's (from the
 *   manifest) and any a client registered before (automatic persisted queries, as
 *   Apollo Client's link sends them; graphql-yoga's APQ plugin).
 * - "trusted": only the manifest's documents, by hash: query text is refused, so the
 *   server runs exactly the operations the SDK (and the apps built on it) were built with.
 */
export function useDocuments(mode: "open" | "trusted", manifest: ReadonlyMap<string, string>): Plugin {
  if (mode === "trusted") {
    return usePersistedOperations({
      allowArbitraryOperations: false,
      getPersistedOperation: (hash) => manifest.get(hash.replace(/^sha256:/, "")) ?? null,
      customErrors: {
        persistedQueryOnly: refused("This server runs trusted documents only: send the document's hash (extensions.persistedQuery.sha256Hash), not its text.", "PERSISTED_QUERY_ONLY"),
        keyNotFound: refused("No document hash in the request (extensions.persistedQuery.sha256Hash).", "PERSISTED_QUERY_ID_REQUIRED"),
        notFound: refused("Unknown document hash: this server runs only the documents of its persisted-documents manifest.", "PERSISTED_QUERY_NOT_IN_LIST"),
      },
    });
  }
  const registered = createInMemoryAPQStore({ max: 1_000 });
  return useAPQ({
    store: {
      get: (hash) => manifest.get(hash) ?? registered.get(hash),
      set: (hash, document) => {
        if (!manifest.has(hash)) registered.set(hash, document);
      },
    },
  });
}
