import { createTestDb, type TestDbOptions } from "@solegraph/db/testing";
import { createApiToken, TokenScope, type Db } from "@solegraph/db";
import { createApp, type AppOptions, type SolegraphApp } from "../app.ts";
import { createChangeFeed } from "../fleet/change-feed.ts";
import { silentLogger } from "../observability/logger.ts";
import { serve, type RunningServer } from "../server.ts";

export interface GraphQLResponse<Data> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** What a test talks to: a GraphQL endpoint over a fresh test database. */
export interface TestGraph {
  readonly db: Db;
  /** POSTs a GraphQL request and returns the status and parsed JSON body. */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /** Creates an API token in the test database and returns its `Authorization` header. */
  createToken(name: string, scopes?: readonly TokenScope[]): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions extends TestDbOptions, Pick<AppOptions, "onStatement" | "config" | "logger" | "webRoot" | "readinessIntervalMs" | "shared"> {
  /**
   * Serve this database instead of a fresh one; it stays open when the app closes (its
   * owner closes it). For a file that compares apps configured differently over the same
   * data: each fresh database costs about a second of CPU.
   */
  readonly db?: Db;
}

/**
 * The options' own database, or a fresh seeded test database. Closing the app closes the
 * database it serves: given one it does not own, it serves a copy whose close does nothing.
 */
async function databaseFor(options: TestAppOptions): Promise<Db> {
  return options.db ? { ...options.db, close: async () => {} } : createTestDb({ seed: true, ...options });
}

/** The app in process (`app.fetch`): no port, for tests that only need request → response. */
export interface TestApp extends TestGraph {
  readonly app: SolegraphApp;
  /** The GraphQL endpoint's URL as the app sees it. */
  readonly url: string;
  /** Sends a request to the app, as `fetch` would to a server. */
  fetch(input: string | URL, init?: RequestInit): Promise<Response>;
}

/** A real server on a free port of 127.0.0.1: for tests of HTTP itself. */
export interface TestServer extends TestGraph, RunningServer {}

/**
 * Both over a fresh test database: in-memory embedded PGlite, or a new PostgreSQL
 * database when SOLEGRAPH_TEST_POSTGRES_URL is set. Seeded unless `seed: false`.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await databaseFor(options);
  const changes = createChangeFeed(db, options.logger ?? silentLogger);
  const app = createApp({
    db,
    changes,
    onStatement: options.onStatement,
    ...(options.config && { config: options.config }),
    ...(options.logger && { logger: options.logger }),
    ...(options.webRoot !== undefined && { webRoot: options.webRoot }),
    ...(options.readinessIntervalMs !== undefined && { readinessIntervalMs: options.readinessIntervalMs }),
    ...(options.shared && { shared: options.shared }),
  });
  const url = "http://localhost/graphql";
  return {
    app,
    url,
    fetch: async (input, init) => app.fetch(new Request(input, init)),
    ...graphqlClient(db, url, async (request) => app.fetch(request)),
    close: async () => {
      await app.dispose();
      await changes.close();
      await db.close();
    },
  };
}

export async function startTestServer(options: TestAppOptions = {}): Promise<TestServer> {
  const db = await databaseFor(options);
  const running = await serve({
    db,
    port: 0,
    host: "127.0.0.1",
    onStatement: options.onStatement,
    ...(options.config && { config: options.config }),
    ...(options.logger && { logger: options.logger }),
    ...(options.webRoot !== undefined && { webRoot: options.webRoot }),
    ...(options.readinessIntervalMs !== undefined && { readinessIntervalMs: options.readinessIntervalMs }),
  });
  // The server closes the database it serves.
  return { ...running, ...graphqlClient(db, running.url, (request) => fetch(request)), close: () => running.close() };
}

function graphqlClient(db: Db, url: string, send: (request: Request) => Promise<Response>) {
  return {
    db,
    async graphql<Data>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<Data>> {
      const response = await send(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
          body: JSON.stringify({ query, variables }),
        }),
      );
      const body = (await response.json()) as Omit<GraphQLResponse<Data>, "status">;
      return { status: response.status, ...body };
    },
    async createToken(name: string, scopes: readonly TokenScope[] = [TokenScope.CURATE]) {
      const { token } = await createApiToken(db.prisma, { name, scopes });
      return { authorization: `Bearer ${token}` };
    },
  };
}
