import os from "node:os";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./observability/logger.ts";

/**
 * The server's whole configuration, from environment variables, checked at start: a
 * wrong value stops the server with a message naming the variable and what it takes.
 * `npm start -- --help` lists them (configHelp), and so does the README.
 */

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { error: "must be true or false" })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const positiveInt = (min = 1) => z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`);

const origins = z
  .string()
  .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.union([
        z.literal("*"),
        z.url({ protocol: /^https?$/, error: "must be http(s) origins (scheme://host[:port]) separated by commas, or *" }).refine(
          (origin) => URL.canParse(origin) && new URL(origin).origin === origin,
          "must be origins without a path or trailing slash (scheme://host[:port])",
        ),
      ]),
    ),
  );

interface Variable {
  readonly name: string;
  readonly default: string;
  readonly help: string;
  readonly rule: z.ZodType;
}

const VARIABLES = [
  { name: "PORT", default: "4000", help: "port to listen on", rule: positiveInt(0).max(65535, "must be a port number (0-65535)") },
  { name: "HOST", default: "localhost", help: "interface to listen on (0.0.0.0 for all)", rule: z.string().min(1) },
  { name: "NODE_ENV", default: "development", help: "production turns introspection, field suggestions and GraphiQL off", rule: z.enum(["development", "production", "test"], { error: "must be development, production or test" }) },
  { name: "DATABASE_URL", default: "", help: "a PostgreSQL server (postgres://...); unset: the embedded database", rule: z.string() },
  { name: "LOG_LEVEL", default: "info", help: `least severe log lines written: ${LOG_LEVELS.join(", ")} (debug adds variables)`, rule: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }) },
  { name: "LOG_FORMAT", default: "pretty on a terminal, else json", help: "json (one object per line) or pretty", rule: z.enum(["json", "pretty"], { error: "must be json or pretty" }) },
  { name: "SOLEGRAPH_METRICS", default: "on", help: "serve Prometheus metrics at /metrics", rule: bool },
  { name: "METRICS_PORT", default: "unset", help: "serve the metrics on this port instead of the GraphQL port (keeps them off a public balancer)", rule: positiveInt(0).max(65535, "must be a port number (0-65535)") },
  { name: "DATABASE_POOL_SIZE", default: "10", help: "PostgreSQL connections per server process", rule: positiveInt().max(1000, "must be at most 1000") },
  { name: "REDIS_URL", default: "unset", help: "a Redis server (redis://...) the replicas share: the response cache and live changes; unset: each process keeps its own", rule: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL") },
  { name: "SOLEGRAPH_RESPONSE_CACHE", default: "on", help: "cache answers to public queries (never authenticated ones); every write invalidates it", rule: bool },
  { name: "SOLEGRAPH_RESPONSE_CACHE_TTL_MS", default: "60000", help: "how long a cached answer may be served", rule: positiveInt(1) },
  { name: "SHUTDOWN_DELAY_MS", default: "5000 in production, else 0", help: "on SIGTERM, answer /ready with 503 this long before closing (balancers stop sending)", rule: positiveInt(0) },
  { name: "SOLEGRAPH_DATA_DIR", default: "./.solegraph/data", help: "where the embedded database lives", rule: z.string() },
  { name: "WORKERS", default: "one per CPU core", help: "server processes on PostgreSQL (the embedded database is one process's)", rule: positiveInt() },
  { name: "SOLEGRAPH_DOCUMENTS", default: "open", help: "open: any document (and persisted/APQ hashes); trusted: only the SDK's persisted documents, by hash (GraphiQL then off)", rule: z.enum(["open", "trusted"], { error: "must be open or trusted" }) },
  { name: "SOLEGRAPH_DOCUMENTS_MANIFEST", default: "the SDK's persisted-documents.json", help: "the persisted-documents manifest (hash -> document) to trust", rule: z.string().min(1) },
  { name: "SOLEGRAPH_INTROSPECTION", default: "on unless production", help: "answer introspection (__schema, __type)", rule: bool },
  { name: "SOLEGRAPH_GRAPHIQL", default: "on unless production", help: "serve GraphiQL at the GraphQL endpoint", rule: bool },
  { name: "SOLEGRAPH_FIELD_SUGGESTIONS", default: "on unless production", help: "suggest field names in validation errors (\"Did you mean ...\")", rule: bool },
  { name: "SOLEGRAPH_TRUST_PROXY", default: "off", help: "trust X-Forwarded-Proto from the proxy in front (then pages served over https carry Strict-Transport-Security)", rule: bool },
  { name: "CORS_ORIGINS", default: "*", help: "origins allowed to read answers with credentials, comma-separated; * allows any origin without credentials", rule: origins },
  { name: "SOLEGRAPH_MAX_COST", default: "100000", help: "most rows a query may read, counted before it runs", rule: positiveInt() },
  { name: "SOLEGRAPH_MAX_ROWS_READ", default: "750000", help: "most rows a query may read as PostgreSQL's planner estimates it (EXPLAIN, once per query shape), refused before it runs", rule: positiveInt() },
  { name: "SOLEGRAPH_QUERY_TIMEOUT_MS", default: "10000", help: "a query's SQL may run this long (then DEADLINE_EXCEEDED)", rule: positiveInt(100) },
  { name: "SOLEGRAPH_MAX_RESPONSE_BYTES", default: "8388608", help: "largest answer sent (then RESPONSE_TOO_LARGE)", rule: positiveInt(1024) },
  { name: "SOLEGRAPH_MAX_IN_FLIGHT", default: "64", help: "GraphQL requests one process works on at once; more get 503 with Retry-After", rule: positiveInt() },
] as const satisfies readonly Variable[];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  /** undefined: the embedded database. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string | undefined;
  readonly workers: number | undefined;
  readonly introspection: boolean;
  readonly graphiql: boolean;
  readonly fieldSuggestions: boolean;
  /** ["*"]: any origin, without credentials. */
  readonly corsOrigins: readonly string[];
  /** X-Forwarded-Proto is the proxy's word (SOLEGRAPH_TRUST_PROXY). */
  readonly trustProxy: boolean;
  readonly limits: Limits;
  readonly log: { readonly level: LogLevel; readonly format: "json" | "pretty" | undefined };
  readonly poolSize: number;
  /** undefined: no Redis; each process caches and fans out changes on its own. */
  readonly redisUrl: string | undefined;
  readonly responseCache: { readonly enabled: boolean; readonly ttlMs: number };
  /** On SIGTERM, how long /ready answers 503 before the server closes. */
  readonly shutdownDelayMs: number;
  /** Which documents run: any ("open") or only the manifest's, by hash ("trusted"). */
  readonly documents: { readonly mode: "open" | "trusted"; readonly manifest: string | undefined };
  /** Prometheus metrics: off, at /metrics on the GraphQL port, or on a port of their own. */
  readonly metrics: { readonly enabled: boolean; readonly port: number | undefined };
}

/** What one request may cost (README: "Limits"). */
export interface Limits {
  readonly maxCost: number;
  /** Rows the planner estimates a query's statement reads (limits/rows-read-estimate.ts). */
  readonly maxRowsRead: number;
  readonly queryTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxInFlight: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}\nRun \`npm start -- --help\` for every variable.`);
    this.name = "ConfigError";
  }
}

/** Reads and checks the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const variable of VARIABLES) {
    const raw = env[variable.name];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = variable.rule.safeParse(raw.trim());
    if (parsed.success) values[variable.name] = parsed.data;
    else problems.push(`${variable.name}=${JSON.stringify(raw)}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const production = values["NODE_ENV"] === "production";
  const flag = (name: string) => (values[name] as boolean | undefined) ?? !production;
  const documentsMode = (values["SOLEGRAPH_DOCUMENTS"] as "open" | "trusted" | undefined) ?? "open";
  const corsOrigins = (values["CORS_ORIGINS"] as string[] | undefined) ?? ["*"];
  if (corsOrigins.includes("*") && corsOrigins.length > 1) throw new ConfigError(["CORS_ORIGINS: * stands alone (any origin); or list the origins."]);
  return {
    port: (values["PORT"] as number | undefined) ?? 4000,
    host: (values["HOST"] as string | undefined) ?? "localhost",
    production,
    databaseUrl: values["DATABASE_URL"] as string | undefined,
    dataDir: values["SOLEGRAPH_DATA_DIR"] as string | undefined,
    workers: values["WORKERS"] as number | undefined,
    introspection: flag("SOLEGRAPH_INTROSPECTION"),
    // GraphiQL sends query text, which a trusted-documents server refuses.
    graphiql: (values["SOLEGRAPH_GRAPHIQL"] as boolean | undefined) ?? (!production && documentsMode === "open"),
    fieldSuggestions: flag("SOLEGRAPH_FIELD_SUGGESTIONS"),
    corsOrigins,
    trustProxy: (values["SOLEGRAPH_TRUST_PROXY"] as boolean | undefined) ?? false,
    poolSize: (values["DATABASE_POOL_SIZE"] as number | undefined) ?? 10,
    redisUrl: values["REDIS_URL"] as string | undefined,
    responseCache: {
      enabled: (values["SOLEGRAPH_RESPONSE_CACHE"] as boolean | undefined) ?? true,
      ttlMs: (values["SOLEGRAPH_RESPONSE_CACHE_TTL_MS"] as number | undefined) ?? 60_000,
    },
    documents: { mode: documentsMode, manifest: values["SOLEGRAPH_DOCUMENTS_MANIFEST"] as string | undefined },
    shutdownDelayMs: (values["SHUTDOWN_DELAY_MS"] as number | undefined) ?? (production ? 5_000 : 0),
    log: { level: (values["LOG_LEVEL"] as LogLevel | undefined) ?? "info", format: values["LOG_FORMAT"] as "json" | "pretty" | undefined },
    metrics: { enabled: (values["SOLEGRAPH_METRICS"] as boolean | undefined) ?? true, port: values["METRICS_PORT"] as number | undefined },
    limits: {
      maxCost: (values["SOLEGRAPH_MAX_COST"] as number | undefined) ?? 100_000,
      maxRowsRead: (values["SOLEGRAPH_MAX_ROWS_READ"] as number | undefined) ?? 750_000,
      queryTimeoutMs: (values["SOLEGRAPH_QUERY_TIMEOUT_MS"] as number | undefined) ?? 10_000,
      maxResponseBytes: (values["SOLEGRAPH_MAX_RESPONSE_BYTES"] as number | undefined) ?? 8 * 1024 * 1024,
      maxInFlight: (values["SOLEGRAPH_MAX_IN_FLIGHT"] as number | undefined) ?? 64,
    },
  };
}

/** The defaults, as tests and embedders get them without an environment. */
export const DEFAULT_CONFIG: Config = loadConfig({});

/** Every variable with its default and meaning, for `--help` and the README. */
export function configHelp(): string {
  const width = Math.max(...VARIABLES.map((variable) => variable.name.length));
  return VARIABLES.map((variable) => `  ${variable.name.padEnd(width)}  ${variable.help} (default: ${variable.default || "unset"})`).join("\n");
}

/** The variables' names (a test checks the README lists each). */
export function configVariableNames(): string[] {
  return VARIABLES.map((variable) => variable.name);
}

/** Server processes to run: WORKERS, or one per core on PostgreSQL, one on the embedded database. */
export function workerCount(config: Config): number {
  if (config.workers === undefined) return config.databaseUrl ? os.availableParallelism() : 1;
  if (config.workers > 1 && !config.databaseUrl) throw new ConfigError(["WORKERS above 1 needs DATABASE_URL: the embedded database is one process's."]);
  return config.workers;
}

/**
 * What a server process needs beyond valid values: in production, a real database (an
 * embedded one would silently serve its own data behind a balancer).
 */
export function checkStartable(config: Config): void {
  if (config.production && !config.databaseUrl) {
    throw new ConfigError([
      "NODE_ENV=production needs DATABASE_URL: in production the server never falls back to the embedded database " +
        "(each replica would serve data of its own). Set DATABASE_URL=postgres://..., or leave NODE_ENV unset for the embedded default.",
    ]);
  }
}
