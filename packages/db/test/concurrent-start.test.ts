import { describe, expect, it } from "vitest";
import { createDb, readMigrations, seed } from "../src/index.ts";
import { createPostgresDatabase, testDatabaseKind } from "../src/testing/index.ts";

// Replicas started together on one empty PostgreSQL database: each migrates and seeds
// an empty database under Prisma's advisory lock, so exactly one does.
describe.runIf(testDatabaseKind === "postgres")("servers starting together on one empty database", () => {
  it("migrate once and seed once, and all open", { timeout: 120_000 }, async () => {
    const database = await createPostgresDatabase(process.env["SOLEGRAPH_TEST_POSTGRES_URL"]!);
    const seeded: number[] = [];
    try {
      const dbs = await Promise.all(
        [0, 1, 2].map((replica) =>
          createDb({
            url: database.url,
            migrate: true,
            afterMigrate: async (prisma) => {
              if ((await prisma.brand.count()) > 0) return;
              await seed(prisma);
              seeded.push(replica);
            },
          }),
        ),
      );
      try {
        expect(seeded).toHaveLength(1);
        expect(dbs.map((db) => db.migration!.applied.length).sort()).toEqual([0, 0, readMigrations().length]);
        const history = await dbs[0]!.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
        expect(history[0]!.n).toBe(readMigrations().length);
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
    } finally {
      await database.drop();
    }
  });
});
