import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

/**
 * What migration 20261208000000 keeps up to date with triggers (issue 23, read side):
 * "FactoryCount" (factories per country and status: a country's `totalCount`) and
 * Production."factoryStatus" (the brand page counts operating factories from
 * Production alone). Each test compares them with what the tables hold, so any write
 * the triggers miss shows up as a difference. On PGlite by default, on PostgreSQL under
 * SOLEGRAPH_TEST_POSTGRES_URL: the same migrations, the same triggers.
 */
type Tx = Parameters<Parameters<TestDb["prisma"]["$transaction"]>[0]>[0];

describe("counts the database maintains", () => {
  let db: TestDb;
  let modelId: number;
  beforeAll(async () => {
    db = await createTestDb({ seed: true });
    const [model] = await db.sql.query<{ id: number }>(`SELECT id FROM "SneakerModel" ORDER BY id LIMIT 1`);
    modelId = model!.id;
  });
  afterAll(() => db?.close());

  /** Rows where the maintained values and the tables disagree (none, when exact). */
  async function differences(run: (sql: string) => Promise<unknown[]> = (sql) => db.sql.query(sql)): Promise<unknown[]> {
    return run(`
      SELECT 'count' AS kind, coalesce(a."countryCode", k."countryCode") AS country, coalesce(a.status, k.status)::text AS status,
             coalesce(a.n, 0) AS actual, coalesce(k.factories, 0) AS kept
        FROM (SELECT "countryCode", status, count(*)::int AS n FROM "Factory" GROUP BY 1, 2) AS a
        FULL JOIN "FactoryCount" k ON k."countryCode" = a."countryCode" AND k.status = a.status
       WHERE coalesce(a.n, 0) <> coalesce(k.factories, 0)
      UNION ALL
      SELECT 'production', p."countryCode", p."factoryStatus"::text, NULL, p.id
        FROM "Production" p LEFT JOIN "Factory" f ON f.id = p."factoryId"
       WHERE p."factoryStatus" IS DISTINCT FROM f.status`);
  }
  const inTx = (tx: Tx) => (sql: string) => tx.$queryRawUnsafe<unknown[]>(sql);

  async function kept(country: string): Promise<Record<string, number>> {
    const rows = await db.sql.query<{ status: string; factories: number }>(
      `SELECT status::text AS status, factories FROM "FactoryCount" WHERE "countryCode" = $1 AND factories <> 0`,
      [country],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.factories]));
  }

  /** New factories (one INSERT, cited as the deferred check requires), with a production at the first. */
  async function addFactories(tx: Tx, prefix: string, count: number, country: string, status: string): Promise<void> {
    await tx.$executeRawUnsafe(
      `WITH f AS (
         INSERT INTO "Factory" (slug, name, status, "countryCode", "updatedAt")
         SELECT $1 || '-' || n, 'Counted Works ' || $1 || ' ' || n, $2::"FactoryStatus", $3, now() FROM generate_series(1, $4::int) AS n
         RETURNING id)
       INSERT INTO "FactorySource" ("factoryId", "sourceId", locator, statement, "retrievedOn", supports)
       SELECT f.id, (SELECT min(id) FROM "Source"), 'https://example.org/counted#' || f.id, 'A test factory.', DATE '2026-12-01', ARRAY['name'] FROM f`,
      prefix, status, country, count,
    );
    await tx.$executeRawUnsafe(
      `WITH p AS (
         INSERT INTO "Production" (slug, "modelId", "countryCode", "factoryId", "updatedAt")
         SELECT 'counted-production-' || f.slug, $2, f."countryCode", f.id, now() FROM "Factory" f WHERE f.slug = $1 || '-1'
         RETURNING id)
       INSERT INTO "ProductionSource" ("productionId", "sourceId", locator, statement, "retrievedOn")
       SELECT p.id, (SELECT min(id) FROM "Source"), 'https://example.org/counted#p' || p.id, 'A test production.', DATE '2026-12-01' FROM p`,
      prefix, modelId,
    );
  }

  async function removeFactories(tx: Tx, prefix: string): Promise<void> {
    await tx.$executeRawUnsafe(`DELETE FROM "Production" WHERE "factoryId" IN (SELECT id FROM "Factory" WHERE slug LIKE $1 || '-%')`, prefix);
    await tx.$executeRawUnsafe(`DELETE FROM "Factory" WHERE slug LIKE $1 || '-%'`, prefix);
  }

  it("start exact: the migration's backfill on the seed", async () => {
    expect(await differences()).toEqual([]);
    const [total] = await db.sql.query<{ kept: number; factories: number }>(
      `SELECT (SELECT sum(factories)::int FROM "FactoryCount") AS kept, (SELECT count(*)::int FROM "Factory") AS factories`,
    );
    expect(total!.kept).toBe(total!.factories);
    expect(total!.factories).toBeGreaterThan(0);
  });

  it("stay exact through inserts, status changes, country changes and deletes in one transaction", async () => {
    const before = { GR: await kept("GR"), MT: await kept("MT") };
    await db.prisma.$transaction(async (tx) => {
      await addFactories(tx, "one-tx", 5, "GR", "OPERATING");
      await tx.$executeRawUnsafe(`UPDATE "Factory" SET status = 'CLOSED' WHERE slug IN ('one-tx-1', 'one-tx-2')`);
      // A country change moves the factory's production too (the composite key cascades).
      await tx.$executeRawUnsafe(`UPDATE "Factory" SET "countryCode" = 'MT', status = 'PLANNED' WHERE slug IN ('one-tx-1', 'one-tx-3')`);
      await tx.$executeRawUnsafe(`DELETE FROM "Factory" WHERE slug = 'one-tx-5'`);
      expect(await differences(inTx(tx))).toEqual([]);
    });
    expect(await differences()).toEqual([]);
    expect(await kept("GR")).toEqual(plus(before.GR, { OPERATING: 1, CLOSED: 1 }));
    expect(await kept("MT")).toEqual(plus(before.MT, { PLANNED: 2 }));
    const [production] = await db.sql.query<{ countryCode: string; factoryStatus: string }>(
      `SELECT "countryCode", "factoryStatus"::text AS "factoryStatus" FROM "Production" WHERE slug = 'counted-production-one-tx-1'`,
    );
    expect(production).toEqual({ countryCode: "MT", factoryStatus: "PLANNED" });
    await db.prisma.$transaction((tx) => removeFactories(tx, "one-tx"));
    expect(await differences()).toEqual([]);
    expect({ GR: await kept("GR"), MT: await kept("MT") }).toEqual(before);
  });

  it("stay exact across several transactions", async () => {
    const before = await kept("CY");
    await db.prisma.$transaction((tx) => addFactories(tx, "many-tx", 4, "CY", "PLANNED"));
    expect(await differences()).toEqual([]);
    await db.prisma.$transaction((tx) => tx.$executeRawUnsafe(`UPDATE "Factory" SET status = 'OPERATING' WHERE slug LIKE 'many-tx-%'`));
    expect(await differences()).toEqual([]);
    await db.prisma.$transaction((tx) => tx.$executeRawUnsafe(`UPDATE "Factory" SET status = 'CLOSED' WHERE slug = 'many-tx-1'`));
    // Updates that move no factory between keys (the importer's fill-ins) change no count.
    await db.prisma.$transaction((tx) => tx.$executeRawUnsafe(`UPDATE "Factory" SET city = 'Counted Town' WHERE slug LIKE 'many-tx-%'`));
    expect(await differences()).toEqual([]);
    expect(await kept("CY")).toEqual(plus(before, { OPERATING: 3, CLOSED: 1 }));
    await db.prisma.$transaction((tx) => removeFactories(tx, "many-tx"));
    expect(await differences()).toEqual([]);
    expect(await kept("CY")).toEqual(before);
  });

  it("are unchanged by a write that rolls back", async () => {
    const snapshot = () =>
      db.sql.query(`SELECT "countryCode", status::text, factories FROM "FactoryCount" ORDER BY 1, 2`).then(async (counts) => ({
        counts,
        productions: await db.sql.query(`SELECT id, "factoryStatus"::text FROM "Production" ORDER BY id`),
      }));
    const before = await snapshot();
    const [seeded] = await db.sql.query<{ slug: string }>(`SELECT f.slug FROM "Factory" f JOIN "Production" p ON p."factoryId" = f.id ORDER BY f.id LIMIT 1`);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await addFactories(tx, "rolled-back", 3, "LU", "OPERATING");
        await tx.$executeRawUnsafe(`UPDATE "Factory" SET status = 'CLOSED' WHERE slug = $1`, seeded!.slug);
        await tx.$executeRawUnsafe(`DELETE FROM "Factory" WHERE slug = 'rolled-back-3'`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await snapshot()).toEqual(before);
    expect(await differences()).toEqual([]);
  });

  it("give a production its factory's status, whatever a writer puts in the column", async () => {
    await db.prisma.$transaction((tx) => addFactories(tx, "status-copy", 2, "IS", "CLOSED"));
    const status = async () =>
      (await db.sql.query<{ s: string | null }>(`SELECT "factoryStatus"::text AS s FROM "Production" WHERE slug = 'counted-production-status-copy-1'`))[0]!.s;
    expect(await status()).toBe("CLOSED");
    await db.sql.query(`UPDATE "Production" SET "factoryStatus" = 'OPERATING' WHERE slug = 'counted-production-status-copy-1'`);
    expect(await status()).toBe("CLOSED");
    await db.sql.query(`UPDATE "Factory" SET status = 'OPERATING' WHERE slug = 'status-copy-1'`);
    expect(await status()).toBe("OPERATING");
    await db.sql.query(
      `UPDATE "Production" SET "factoryId" = (SELECT id FROM "Factory" WHERE slug = 'status-copy-2') WHERE slug = 'counted-production-status-copy-1'`,
    );
    expect(await status()).toBe("CLOSED");
    await db.sql.query(`UPDATE "Production" SET "factoryId" = NULL WHERE slug = 'counted-production-status-copy-1'`);
    expect(await status()).toBeNull();
    expect(await differences()).toEqual([]);
    await db.prisma.$transaction((tx) => removeFactories(tx, "status-copy"));
    await db.sql.query(`DELETE FROM "Production" WHERE slug = 'counted-production-status-copy-1'`);
    expect(await differences()).toEqual([]);
  });
});

/** Counts by status plus changes, without the zeros. */
function plus(base: Record<string, number>, change: Record<string, number>): Record<string, number> {
  const sum = { ...base };
  for (const [status, n] of Object.entries(change)) sum[status] = (sum[status] ?? 0) + n;
  return Object.fromEntries(Object.entries(sum).filter(([, n]) => n !== 0));
}
