import { execFileSync } from "node:child_process";
import { createApiToken, createDb, readMigrations, TokenScope } from "@solegraph/db";
import { createPostgresDatabase } from "@solegraph/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type Fleet } from "../../src/fleet/local-fleet.ts";
import { readEventStream } from "../support/event-stream.ts";

const serverUrl = process.env["SOLEGRAPH_TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function installed(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// Needs PostgreSQL, redis-server and haproxy; CI installs them (SOLEGRAPH_REQUIRE_FLEET=1 there).
const runnable = installed("redis-server") && installed("haproxy");
if (!runnable && process.env["SOLEGRAPH_REQUIRE_FLEET"] === "1") throw new Error("The fleet test needs redis-server and haproxy (apt-get install redis-server haproxy).");

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, authorization?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization && { authorization }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

describe.runIf(runnable)("a fleet: three replicas behind haproxy, one PostgreSQL, one Redis", () => {
  let fleet: Fleet;
  let database: { url: string; drop: () => Promise<void> };
  let admin: pg.Client;
  let authorization: string;

  beforeAll(async () => {
    database = await createPostgresDatabase(serverUrl);
    // Three replicas started at the same moment on the empty database.
    fleet = await startFleet({ databaseUrl: database.url, replicas: 3, shutdownDelayMs: 1_500 });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const db = await createDb({ url: database.url });
    try {
      ({ token: authorization } = await createApiToken(db.prisma, { name: "fleet-test", scopes: [TokenScope.CURATE, TokenScope.ADMIN] }));
      authorization = `Bearer ${authorization}`;
    } finally {
      await db.close();
    }
  }, 240_000);

  afterAll(async () => {
    await admin?.end();
    await fleet?.close();
    await database?.drop();
  }, 120_000);

  it("starts every replica on one migration history, seeded once", async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(new URL("/ready", fleet.replicaUrl(i)))).status).toBe(200);
    const history = await admin.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(history.rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, n: 1 })));
    const { rows } = await admin.query<{ brands: number; sources: number }>(
      `SELECT (SELECT count(*)::int FROM "Brand") AS brands, (SELECT count(*)::int FROM "Source") AS sources`,
    );
    const seeded = fleet.replicas.filter((replica) => replica.output().includes('"msg":"Seeded'));
    expect(seeded).toHaveLength(1);
    expect(rows[0]!.brands).toBeGreaterThan(0);
    // Seeding twice would have failed on unique slugs or doubled nothing: the counts are the seed's.
    const single = await graphql(fleet.url, "{ brands { totalCount } sources { totalCount } }");
    expect(single.body.data).toEqual({ brands: { totalCount: rows[0]!.brands }, sources: { totalCount: rows[0]!.sources } });
  });

  it("serves a write made through one replica fresh from the others, their caches included", async () => {
    const read = `{ brands(first: 100) { totalCount edges { node { slug name } } } }`;
    // Warm every replica's (shared) cache with the answer before the write.
    for (let i = 0; i < 3; i++) await graphql(fleet.replicaUrl(i), read);
    const cachedAgain = await fetch(fleet.replicaUrl(1), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: read }) });
    expect(cachedAgain.headers.get("etag")).toBeTruthy();
    expect(fleet.replicas[1]!.output()).toMatch(/"cache":"hit"/);

    const written = await graphql(
      fleet.replicaUrl(0),
      `mutation { createBrand(input: { slug: "fictional-fleet-co", name: "Fictional Fleet Co" }) { ... on CreateBrandPayload { brand { slug } } } }`,
      {},
      authorization,
    );
    expect(written.body.data.createBrand.brand.slug).toBe("fictional-fleet-co");
    for (const i of [1, 2]) {
      const { body } = await graphql(fleet.replicaUrl(i), read);
      expect(body.data.brands.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain("fictional-fleet-co");
    }
  });

  it("delivers a write made on one replica to a subscriber on another", async () => {
    const controller = new AbortController();
    const stream = await fetch(fleet.replicaUrl(2), {
      method: "POST",
      signal: controller.signal,
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization },
      body: JSON.stringify({ query: "subscription { changes { action entityType actor after } }" }),
    });
    expect(stream.status).toBe(200);
    const events = readEventStream(stream, (received) => received.includes("fictional-live-fleet"), 10_000);
    // Give the subscription a moment to reach Redis, then write through replica 1.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await graphql(fleet.replicaUrl(0), `mutation { createBrand(input: { slug: "fictional-live-fleet", name: "Fictional Live Fleet" }) { __typename } }`, {}, authorization);
    await events.settled;
    controller.abort();
    expect(events.received()).toMatch(/"action":"CREATE","entityType":"BRAND","actor":"fleet-test"/);
    expect(events.received()).toContain("fictional-live-fleet");
  });

  it("loses no request at the balancer when a replica is stopped under load", async () => {
    const query = `{ brands(first: 5) { edges { node { slug models(first: 3) { totalCount } } } } }`;
    const statuses = new Map<number, number>();
    let failures = 0;
    let stop = false;
    // Authenticated: past the response cache, so every request reaches a replica.
    const client = async () => {
      while (!stop) {
        try {
          const { status } = await graphql(fleet.url, query, {}, authorization);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        } catch {
          failures += 1;
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stopping = fleet.replicas[1]!;
    stopping.child.kill("SIGTERM");
    expect(await stopping.exited).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    stop = true;
    await Promise.all(clients);
    expect(failures).toBe(0);
    expect([...statuses.keys()]).toEqual([200]);
    expect(statuses.get(200)).toBeGreaterThan(50);
    expect(stopping.output()).toMatch(/Draining: \/ready answers 503/);
  });
});
