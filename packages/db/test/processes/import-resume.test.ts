import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_POSTGRES_URL, writeFacilityList, type TestDb } from "../../src/testing/index.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
const ROWS = 12_000; // 6 batches; 1% rejected, 1% repeating an earlier row
const CREATED = ROWS - ROWS / 100 - ROWS / 100;

/** `npm run import` as its own process, on the test's PostgreSQL database. */
function importCommand(url: string, file: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/db/src/cli/import.ts", file, "--source", "example-killed-list"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** A crash for real: the import's process is killed (SIGKILL) after a batch has committed. */
describe.runIf(TEST_POSTGRES_URL)("an import killed between batches", () => {
  let db: TestDb;
  const work = mkdtempSync(join(tmpdir(), "solegraph-import-kill-"));
  const file = join(work, "list.csv");
  const one = async <T,>(sql: string) => (await db.sql.query<T>(sql))[0]!;

  beforeAll(async () => {
    db = await createTestDb();
    await db.prisma.source.create({ data: { slug: "example-killed-list", kind: "FACILITY_LIST", title: "A generated list" } });
    await writeFacilityList(file, ROWS);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("keeps its committed batches, and the same command continues after them", async () => {
    const first = importCommand(db.url!, file);
    let done = 0;
    for (let waited = 0; done === 0 && waited < 120_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      done = (await db.sql.query<{ rowsDone: number }>(`SELECT "rowsDone" FROM "ImportRun"`))[0]?.rowsDone ?? 0;
    }
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    // What the run says it committed is what the graph holds: whole batches, each with its audit record.
    const run = await one<{ status: string; rowsDone: number; batches: number; created: number }>(
      `SELECT status::text, "rowsDone", batches, (summary->>'created')::int AS created FROM "ImportRun"`);
    expect(run.status).toBe("RUNNING");
    expect(run.rowsDone % 2000).toBe(0);
    expect(run.batches).toBeLessThan(6);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory"`)).n).toBe(run.created);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Change" WHERE action = 'IMPORT'`)).n).toBe(run.batches);

    const second = await importCommand(db.url!, file).exited;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`Continued import run \\d+ after line ${run.rowsDone + 1}`));
    expect(second.stdout).toContain(`created ${CREATED}`);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory"`)).n).toBe(CREATED);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Change" WHERE action = 'IMPORT'`)).n).toBe(6);
    expect(await one<{ status: string; batches: number }>(`SELECT status::text, batches FROM "ImportRun"`)).toEqual({ status: "COMPLETED", batches: 6 });
  }, 300_000);
});
