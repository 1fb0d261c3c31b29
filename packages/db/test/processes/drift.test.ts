import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestDb, TEST_POSTGRES_URL } from "../../src/testing/index.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../..", import.meta.url));
/** Runs the Prisma CLI; without a URL it works on in-memory PGlite (prisma.config.ts). */
function prisma(args: string[], databaseUrl: string | undefined) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return run("npx", ["prisma", ...args], {
    cwd: root,
    env: databaseUrl ? { ...env, DATABASE_URL: databaseUrl } : env,
    timeout: 120_000,
  });
}

describe("the Prisma schema and the migrations", () => {
  it("agree: replaying the migrations yields exactly the schema (no drift)", async () => {
    // The CLI replays the migrations on an in-memory PGlite shadow database (see
    // migration-adapter.ts). Prisma 6.19's pg adapter cannot create a shadow database
    // (the wasm schema engine panics), so the PostgreSQL side is covered by the
    // `migrate status` test below.
    const result = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
      undefined,
    ).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    expect(result.stdout, result.stderr).toMatch(/No difference detected/);
  });

  it.runIf(TEST_POSTGRES_URL)("are what `prisma migrate status` sees as applied after our migrator ran", async () => {
    const db = await createTestDb();
    try {
      const { stdout } = await prisma(["migrate", "status"], db.url);
      expect(stdout).toMatch(/Database schema is up to date/);
    } finally {
      await db.close();
    }
  });
});
