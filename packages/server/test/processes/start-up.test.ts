import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runMainToExit, startMain } from "../support/processes.ts";

const embedded = (dataDir: string) => ({ SOLEGRAPH_DATA_DIR: dataDir, DATABASE_URL: "" });
const serverUrl = process.env["SOLEGRAPH_TEST_POSTGRES_URL"];

/** The JSON log lines' messages, in order (the server logs JSON when output is not a terminal). */
function messages(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe("npm start says what it does, and what to fix", () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-start-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("logs each step as it happens: port bound, migrating, seeding, ready", { timeout: 120_000 }, async () => {
    const server = await startMain(embedded(freshDir()));
    try {
      const steps = messages(server.output());
      const at = (pattern: RegExp) => steps.findIndex((message) => pattern.test(message));
      const order = [/^Port \d+ bound/, /^Opening the database \(embedded PGlite/, /^Migrating: applying \d+ migrations/, /^Migrated: \d+ applied/, /^Seeding the empty database/, /^Seeded/, /^Ready on embedded PGlite/].map(at);
      expect(order.every((index) => index >= 0), steps.join("\n")).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  it("reports a busy port at once, before touching the database", { timeout: 60_000 }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = freshDir();
    try {
      const run = await runMainToExit({ ...embedded(dataDir), PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.output).toContain(`Port ${port} on 127.0.0.1 is already in use by another program`);
      expect(run.output).not.toMatch(/Migrating|EADDRINUSE/);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it("names DATABASE_URL, without its password, when the server cannot be reached", { timeout: 60_000 }, async () => {
    const run = await runMainToExit({ DATABASE_URL: "postgres://fictional:hunter2secret@127.0.0.1:1/fictional_db" });
    expect(run.code).toBe(1);
    expect(run.output).toContain("Cannot connect to the database in DATABASE_URL (postgres://fictional:***@127.0.0.1:1/fictional_db)");
    expect(run.output).toMatch(/nothing accepts connections at 127\.0\.0\.1:1\. Is PostgreSQL running there/);
    expect(run.output).not.toContain("hunter2secret");
  });

  it("refuses to start in production without DATABASE_URL, instead of serving an embedded database", { timeout: 60_000 }, async () => {
    const dataDir = freshDir();
    const run = await runMainToExit({ ...embedded(dataDir), NODE_ENV: "production" });
    expect(run.code).toBe(2);
    expect(messages(run.output).join("\n")).toMatch(/NODE_ENV=production needs DATABASE_URL/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("names REDIS_URL, without its password, when Redis cannot be reached", { timeout: 60_000 }, async () => {
    const run = await runMainToExit({ ...embedded(freshDir()), REDIS_URL: "redis://:fictional-secret@127.0.0.1:1" });
    expect(run.code).toBe(1);
    const said = messages(run.output).join("\n");
    expect(said).toMatch(/Cannot connect to Redis in REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:1\)/);
    expect(run.output).not.toContain("fictional-secret");
  });

  describe.runIf(serverUrl !== undefined)("on a PostgreSQL server", () => {
    const base = (serverUrl ?? "").replace(/\/[^/]*$/, "");
    const foreign = `solegraph_foreign_${process.pid}`;
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${foreign}" WITH (FORCE)`);
      await admin.end();
    });

    it("refuses the postgres maintenance database unless forced", { timeout: 60_000 }, async () => {
      const run = await runMainToExit({ DATABASE_URL: `${base}/postgres`, WORKERS: "1" });
      expect(run.code).toBe(1);
      const said = messages(run.output).join("\n");
      expect(said).toMatch(/DATABASE_URL names "postgres", PostgreSQL's maintenance database/);
      expect(said).toMatch(/--force-database/);
    });

    it("refuses a database with tables but no migration history, and changes nothing", { timeout: 60_000 }, async () => {
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${foreign}"`);
      await admin.end();
      const theirs = new pg.Client({ connectionString: `${base}/${foreign}` });
      await theirs.connect();
      try {
        await theirs.query(`CREATE TABLE "Brand" (id int PRIMARY KEY, label text)`);
        const run = await runMainToExit({ DATABASE_URL: `${base}/${foreign}`, WORKERS: "1" });
        expect(run.code).toBe(1);
        expect(messages(run.output).join("\n")).toMatch(/has 1 table but no migration history/);
        const tables = await theirs.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
        expect(tables.rows.map((row) => row.tablename)).toEqual(["Brand"]);
      } finally {
        await theirs.end();
      }
    });
  });
});
