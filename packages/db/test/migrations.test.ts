import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "../src/index.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

describe("migrations", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb({ migrate: false });
  });
  afterAll(() => db?.close());

  it("apply to an empty database and record Prisma's history", async () => {
    const report = await migrate(db.sql);
    expect(report.applied).toEqual(readMigrations().map((m) => m.name));
    const history = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`,
    );
    expect(history.map((h) => h.migration_name)).toEqual(report.applied);
    expect(history.every((h) => h.finished_at !== null && /^[0-9a-f]{64}$/.test(h.checksum))).toBe(true);
    expect(await db.isUpToDate()).toBe(true);
  });

  it("do nothing the second time", async () => {
    const report = await migrate(db.sql);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(readMigrations().length);
  });

  it("refuse a database migrated by a newer version, changing nothing", async () => {
    const known = readMigrations();
    const newer = [...known, { name: "29990101000000_from_the_future", sql: "CREATE TABLE future (id int);", checksum: "0".repeat(64) }];
    await migrate(db.sql, newer);
    await expect(migrate(db.sql, known)).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, known)).rejects.toThrow(/newer solegraph.*29990101000000_from_the_future/);
    await expect(db.isUpToDate()).rejects.toThrow(/newer solegraph/);
  });

  it("refuse a migration edited after it was applied", async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "f".repeat(64) } : m));
    await expect(migrate(db.sql, edited)).rejects.toThrow(/checksum mismatch/);
  });
});
