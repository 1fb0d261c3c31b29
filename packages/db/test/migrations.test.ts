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

  it("accept a database a newer version expanded, reporting its newer migrations", async () => {
    const known = readMigrations();
    const newer = [...known, { name: "29990101000000_from_the_future", sql: "CREATE TABLE future (id int);", checksum: "0".repeat(64) }];
    await migrate(db.sql, newer);
    const report = await migrate(db.sql, known);
    expect(report).toEqual({ applied: [], alreadyApplied: known.length, newer: ["29990101000000_from_the_future"] });
    expect(await db.isUpToDate()).toBe(true);
  });

  it("refuse a history that diverged from this version's, changing nothing", async () => {
    const known = readMigrations();
    const extra = { name: "20000101000000_another_branch", sql: "CREATE TABLE branch (id int);", checksum: "1".repeat(64) };
    const missing = { name: "29990202000000_not_yet_applied", sql: "CREATE TABLE later (id int);", checksum: "2".repeat(64) };
    const future = { name: "29990101000000_from_the_future", sql: "", checksum: "0".repeat(64) }; // applied above
    await migrate(db.sql, [extra, ...known, future]);
    await expect(migrate(db.sql, known)).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, known)).rejects.toThrow(/history differs.*20000101000000_another_branch/);
    await expect(migrate(db.sql, [...known, missing])).rejects.toThrow(/lacks 29990202000000_not_yet_applied/);
    const tables = await db.sql.query<{ present: boolean }>(`SELECT to_regclass('later') IS NOT NULL AS present`);
    expect(tables[0]!.present).toBe(false);
  });

  it("refuse a migration edited after it was applied", async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "f".repeat(64) } : m));
    await expect(migrate(db.sql, edited)).rejects.toThrow(/checksum mismatch/);
  });
});
