import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { controlSocketPath } from "@solegraph/db";
import { createTestDb, testDatabaseKind } from "@solegraph/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { serve } from "../../src/index.ts";
import { mutation } from "../support/curation.ts";
import { graphqlAt, npmRun, startMain, tokenCli } from "../support/processes.ts";

const createBrand = (slug: string) => [mutation("createBrand", "CreateBrandInput", "brand { slug }"), { input: { slug, name: slug } }] as const;

// Each command is a process of its own (tsx, PGlite start-up): slow on a loaded machine.
describe("npm run token:create / token:revoke", { timeout: 240_000 }, () => {
  it("explain themselves with --help", async () => {
    const [create, revoke] = await Promise.all([npmRun("token:create", ["--help"], {}), npmRun("token:revoke", ["--help"], {})]);
    expect(create.code).toBe(0);
    expect(create.stdout).toMatch(/Usage: npm run token:create -- --name NAME --scope curate/);
    expect(create.stdout).toMatch(/admin: +read the audit trail/);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toMatch(/Usage: npm run token:revoke -- --name NAME/);
  });

  it("refuse incomplete or wrong arguments", async () => {
    const env = { SOLEGRAPH_DATA_DIR: ":memory:", DATABASE_URL: "" };
    const [noName, noScope, badScope, revokeNoName, memory] = await Promise.all([
      tokenCli("token-create", ["--scope", "curate"], env),
      tokenCli("token-create", ["--name", "x"], env),
      tokenCli("token-create", ["--name", "x", "--scope", "root"], env),
      tokenCli("token-revoke", [], env),
      tokenCli("token-create", ["--name", "x", "--scope", "curate"], env),
    ]);
    expect(noName).toMatchObject({ code: 1, stderr: expect.stringMatching(/--name is required/) });
    expect(noScope).toMatchObject({ code: 1, stderr: expect.stringMatching(/--scope is required/) });
    expect(badScope).toMatchObject({ code: 1, stderr: expect.stringMatching(/Unknown scope "root"/) });
    expect(revokeNoName).toMatchObject({ code: 1, stderr: expect.stringMatching(/--name is required/) });
    expect(memory).toMatchObject({ code: 1, stderr: expect.stringMatching(/:memory: holds no tokens worth keeping/) });
  });

  describe.runIf(testDatabaseKind === "pglite")("on the embedded database", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-tokens-"));
    const env = { SOLEGRAPH_DATA_DIR: dataDir, DATABASE_URL: "" };
    const socket = controlSocketPath(dataDir);
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("work with the server stopped, and through the running server's socket", async () => {
      const offline = await tokenCli("token-create", ["--name", "offline", "--scope", "curate"], env);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stdout.trim()).toMatch(/^sg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(offline.stderr).toMatch(/Created token "offline" \(curate\) on embedded PGlite in .*\. *\nIt is shown only this once/);

      const server = await startMain(env, ["--no-seed"]);
      try {
        expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
        expect(fs.statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
        const [document, variables] = createBrand("made-offline");
        expect((await graphqlAt(server.url, document, variables, `Bearer ${offline.stdout.trim()}`)).data.createBrand.__typename).toBe("CreateBrandPayload");

        const online = await tokenCli("token-create", ["--name", "online", "--scope", "curate"], env);
        expect(online.code, online.stderr).toBe(0);
        expect(online.stderr).toMatch(/on the server running on embedded PGlite in .* \(pid \d+\)/);
        const token = `Bearer ${online.stdout.trim()}`;
        const [doc2, vars2] = createBrand("made-online");
        expect((await graphqlAt(server.url, doc2, vars2, token)).data.createBrand.__typename).toBe("CreateBrandPayload");

        expect(await tokenCli("token-create", ["--name", "online", "--scope", "admin"], env)).toMatchObject({
          code: 1,
          stderr: expect.stringMatching(/A token named "online" already exists/),
        });
        const revoked = await tokenCli("token-revoke", ["--name", "online"], env);
        expect(revoked).toMatchObject({ code: 0, stdout: expect.stringMatching(/Revoked token "online" on the server running/) });
        const [doc3, vars3] = createBrand("made-after-revoke");
        const refused = await graphqlAt(server.url, doc3, vars3, token);
        expect(refused.status).toBe(401);
        expect(refused.errors?.[0]?.message).toMatch(/"online" was revoked/);
        // The server never logs a token.
        expect(server.output()).not.toContain(offline.stdout.trim().slice(-20));
        expect(server.output()).not.toContain(online.stdout.trim().slice(-20));
      } finally {
        server.child.kill("SIGTERM");
        expect(await server.exited).toBe(0);
      }
      expect(fs.existsSync(path.dirname(socket))).toBe(false);

      expect(await tokenCli("token-revoke", ["--name", "offline"], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/Revoked token "offline" on embedded PGlite/) });
      expect(await tokenCli("token-revoke", ["--name", "offline"], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/was already revoked/) });
      expect(await tokenCli("token-revoke", ["--name", "nobody"], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/No token is named "nobody"/) });
    });

    it("explain a folder held by a process that offers no token channel", async () => {
      // A live process (this test runner) holds the lock, and there is no socket.
      fs.writeFileSync(path.join(dataDir, "solegraph.lock"), String(process.pid));
      try {
        const result = await tokenCli("token-create", ["--name", "blocked", "--scope", "curate"], env);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`in use by another process \\(pid ${process.pid}\\).*offers no token channel`));
      } finally {
        fs.rmSync(path.join(dataDir, "solegraph.lock"));
      }
    });
  });

  describe.runIf(testDatabaseKind === "postgres")("on PostgreSQL (DATABASE_URL)", () => {
    it("connect to the database directly, next to a running server", async () => {
      const db = await createTestDb({ seed: false });
      const server = await serve({ db, port: 0, host: "127.0.0.1" });
      try {
        expect(server.controlSocket).toBeUndefined();
        const env = { DATABASE_URL: db.url };
        const created = await tokenCli("token-create", ["--name", "pg-curator", "--scope", "curate"], env);
        expect(created.code, created.stderr).toBe(0);
        expect(created.stderr).toMatch(/on PostgreSQL at/);
        const token = `Bearer ${created.stdout.trim()}`;
        const [document, variables] = createBrand("made-on-postgres");
        expect((await graphqlAt(server.url, document, variables, token)).data.createBrand.__typename).toBe("CreateBrandPayload");
        expect((await tokenCli("token-revoke", ["--name", "pg-curator"], env)).code).toBe(0);
        expect((await graphqlAt(server.url, document, variables, token)).status).toBe(401);
      } finally {
        await server.close();
      }
    });
  });
});
