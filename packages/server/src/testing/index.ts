import { createTestDb, type TestDbOptions } from "@solegraph/db/testing";
import { createApiToken, TokenScope, type Db } from "@solegraph/db";
import { serve, type RunningServer } from "../server.ts";

/**
 * A real server on a free port of 127.0.0.1 over a fresh test database (in-memory
 * PGlite, or a new PostgreSQL database when SOLEGRAPH_TEST_POSTGRES_URL is set).
 */
export interface TestServer extends RunningServer {
  readonly db: Db;
  /** POSTs a GraphQL request and returns the parsed JSON body. */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /** Creates an API token in the test database and returns its `Authorization` header. */
  createToken(name: string, scopes?: readonly TokenScope[]): Promise<{ authorization: string }>;
}

export interface GraphQLResponse<Data> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function startTestServer(options: TestDbOptions = { seed: true }): Promise<TestServer> {
  const db = await createTestDb(options);
  const running = await serve({ db, port: 0, host: "127.0.0.1", logging: false });
  return {
    ...running,
    db,
    async graphql<Data>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(running.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<Data>, "status">;
      return { status: response.status, ...body };
    },
    async createToken(name: string, scopes: readonly TokenScope[] = [TokenScope.CURATE]) {
      const { token } = await createApiToken(db.prisma, { name, scopes });
      return { authorization: `Bearer ${token}` };
    },
  };
}
