import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { controlSocketPath } from "@solegraph/db";
import { testDatabaseKind } from "@solegraph/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { mutation } from "../support/curation.ts";
import { citation } from "../support/passages.ts";
import { graphqlAt, startMain, tokenCli } from "../support/processes.ts";

const STEPS = ["design", "cutting", "stitching", "lasting", "finishing"];

// The embedded database, killed without warning in the middle of a batch of writes.
describe.runIf(testDatabaseKind === "pglite")("a server killed during writes (SIGKILL)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-crash-"));
  const env = { SOLEGRAPH_DATA_DIR: dataDir, DATABASE_URL: "" };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  // Two server start-ups and the CLI: slow on a loaded machine.
  it("keeps every acknowledged write and no partial one after a restart", { timeout: 240_000 }, async () => {
    const created = await tokenCli("token-create", ["--name", "crash-test", "--scope", "curate", "--scope", "admin"], env);
    expect(created.code, created.stderr).toBe(0);
    const authorization = `Bearer ${created.stdout.trim()}`;

    const first = await startMain(env);
    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    const record = mutation("recordProduction", "RecordProductionInput", "production { slug }");
    let next = 0;
    let killed = false;
    let refused: string | undefined; // A write answered with an error: the test is wrong, stop at once.
    // Four writers in parallel until the process dies under them.
    const writer = async () => {
      while (!killed) {
        const slug = `crash-${next++}`;
        attempted.add(slug);
        const input = {
          model: "990v5",
          country: "US",
          slug,
          route: STEPS.map((step, i) => ({ step, position: i + 1 })),
          citations: [citation("seed-article")],
        };
        let answer: Awaited<ReturnType<typeof graphqlAt<{ recordProduction?: { __typename: string } }>>>;
        try {
          answer = await graphqlAt<{ recordProduction?: { __typename: string } }>(first.url, record, { input }, authorization);
        } catch {
          return; // The connection died with the process: this write is not acknowledged.
        }
        const payload = answer.data?.recordProduction;
        if (payload?.__typename !== "RecordProductionPayload") {
          refused = JSON.stringify(answer);
          return;
        }
        acknowledged.add(slug);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acknowledged.size < 25 && refused === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    if (refused !== undefined) {
      first.child.kill("SIGKILL");
      killed = true;
      throw new Error(`a write was refused: ${refused}`);
    }
    first.child.kill("SIGKILL");
    killed = true;
    expect(await first.exited).toBe("SIGKILL");
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThanOrEqual(25);
    // Writes were in flight when it died (their fate is either way, but never half).
    expect(attempted.size).toBeGreaterThan(acknowledged.size);

    // The restart takes over the dead process's lock and socket.
    const second = await startMain(env);
    try {
      const { data } = await graphqlAt(
        second.url,
        `{ model(slug: "990v5") { productions(first: 100) { edges { node { id slug route { position step { slug } } } } } } }`,
        {},
      );
      const stored = data.model.productions.edges.map((e: any) => e.node).filter((p: any) => p.slug.startsWith("crash-"));
      const storedSlugs = new Set<string>(stored.map((p: any) => p.slug));
      for (const slug of acknowledged) expect(storedSlugs.has(slug), `${slug} was acknowledged`).toBe(true);
      for (const slug of storedSlugs) expect(attempted.has(slug)).toBe(true);
      for (const production of stored) expect(production.route.map((r: any) => r.step.slug)).toEqual(STEPS);

      // Each stored production has its one audit record, and no record describes a write that was lost.
      const trail = await graphqlAt(second.url, `{ changes(first: 100, entityType: PRODUCTION) { totalCount edges { node { action entityId } } } }`, {}, authorization);
      const audited = trail.data.changes.edges.map((e: any) => e.node);
      expect(audited.every((c: any) => c.action === "CREATE")).toBe(true);
      expect(audited.map((c: any) => c.entityId).sort()).toEqual(stored.map((p: any) => p.id).sort());

      // The new server answers token commands on a fresh socket.
      expect(fs.statSync(controlSocketPath(dataDir)).mode & 0o777).toBe(0o600);
      const again = await tokenCli("token-create", ["--name", "after-crash", "--scope", "curate"], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/on the server running on embedded PGlite/);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
  });
});
