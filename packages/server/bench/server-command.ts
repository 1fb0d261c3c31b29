import fs from "node:fs";

/**
 * How the benchmarks start solegraph's server: as users run it. The compiled server
 * (scripts/start.sh's production path: plain node, the `solegraph-compiled` condition
 * so that @solegraph/db resolves to its dist/ too) when `npm run build` wrote both
 * packages' dist/; else the sources through tsx, and the benchmark says so.
 * Arguments are relative to packages/server.
 */
export const COMPILED =
  fs.existsSync(new URL("../dist/main.js", import.meta.url)) && fs.existsSync(new URL("../../db/dist/index.js", import.meta.url));

/** Node's arguments for the server (its own arguments after them). */
export function serverArgs(...args: string[]): string[] {
  return COMPILED ? ["--conditions=solegraph-compiled", "dist/main.js", ...args] : ["--import", "tsx", "src/main.ts", ...args];
}

/** What a benchmark's header says it measured. */
export const SERVER_MEASURED = COMPILED
  ? "the compiled server (node dist/main.js)"
  : "the server from source through tsx (run `npm run build` to measure the compiled one)";
