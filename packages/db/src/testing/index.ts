import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db, type DbOptions } from "../create-db.ts";
import { seed } from "../seed/seed.ts";
import { templateFile } from "./template.ts";

/**
 * Test databases. By default each is an in-memory PGlite. When
 * SOLEGRAPH_TEST_POSTGRES_URL names a PostgreSQL server (CI sets it), each is a fresh,
 * uniquely named database on that server, dropped again on close.
 */
export const TEST_POSTGRES_URL = process.env.SOLEGRAPH_TEST_POSTGRES_URL || undefined;
export const testDatabaseKind: "postgres" | "pglite" = TEST_POSTGRES_URL ? "postgres" : "pglite";

export interface TestDb extends Db {
  /** The connection URL when the test database is a PostgreSQL database. */
  readonly url: string | undefined;
}

export interface TestDbOptions extends Pick<DbOptions, "onQuery"> {
  /** Apply the migrations (default true). */
  readonly migrate?: boolean;
  /** Load the seed dataset (default false). */
  readonly seed?: boolean;
}

export async function createTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  if (!TEST_POSTGRES_URL) {
    const loadFrom = migrate ? await templateFile(options.seed ?? false) : undefined;
    const db = await createDb({ dataDir: ":memory:", loadFrom, onQuery: options.onQuery });
    return { ...db, url: undefined };
  }
  const { url, drop } = await createPostgresDatabase(TEST_POSTGRES_URL);
  try {
    const db = await createDb({ url, migrate, onQuery: options.onQuery });
    if (options.seed) await seed(db.prisma);
    return {
      ...db,
      url,
      async close() {
        await db.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Creates a uniquely named database on the server; `drop` removes it again. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `solegraph_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
export { generateDataset } from "./generate.ts";
export { generateRegistry, SCALE_BRANDS } from "./scale-registry.ts";
export { writeFacilityList, writeManufacturingMap, type ListedFacility } from "./facility-list-file.ts";
