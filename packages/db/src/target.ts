import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the data lives: a PostgreSQL server, an embedded PGlite folder, or memory. */
export type DatabaseTarget =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "memory" };

/** The project root: the default data folder lives there, whichever package runs. */
const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, ".solegraph", "data");

export interface TargetOptions {
  /** A `postgres://` or `postgresql://` URL; wins over everything else. */
  readonly url?: string | undefined;
  /** Folder for the embedded database; `":memory:"` keeps it in memory. */
  readonly dataDir?: string | undefined;
}

/**
 * Decides the database from explicit options first, then the environment
 * (`DATABASE_URL`, `SOLEGRAPH_DATA_DIR`), then the embedded default under
 * `./.solegraph/data`.
 */
export function resolveTarget(
  options: TargetOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  const url = options.url ?? nonEmpty(env.DATABASE_URL);
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must be a postgres:// or postgresql:// URL (got "${redactUrl(url)}"). ` +
          "Unset it to use the embedded database.",
      );
    }
    return { kind: "postgres", url };
  }
  const dataDir = options.dataDir ?? nonEmpty(env.SOLEGRAPH_DATA_DIR) ?? DEFAULT_DATA_DIR;
  if (dataDir === ":memory:") return { kind: "memory" };
  // npm runs workspace scripts inside the package folder; a relative folder means the
  // one the user typed the command in (npm's INIT_CWD).
  return { kind: "pglite", dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), dataDir) };
}

/** A human description of a target that never prints a password. */
export function describeTarget(target: DatabaseTarget): string {
  switch (target.kind) {
    case "postgres":
      return `PostgreSQL at ${redactUrl(target.url)}`;
    case "pglite":
      return `embedded PGlite in ${target.dataDir}`;
    case "memory":
      return "embedded PGlite in memory";
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
