import path from "node:path";

/** Where the data lives: a PostgreSQL server, an embedded PGlite folder, or memory. */
export type DatabaseTarget =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "memory" };

export const DEFAULT_DATA_DIR = ".solegraph/data";

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
  return { kind: "pglite", dataDir: path.resolve(dataDir) };
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
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
