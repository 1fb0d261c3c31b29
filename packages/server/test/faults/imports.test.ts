import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWriteGeneration, TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../src/testing/index.ts";
import { readEventStream } from "../support/event-stream.ts";
import { npmRun } from "../support/processes.ts";

// The CLI and a server on one database at once: PostgreSQL (the embedded one is one process's).
const serverUrl = process.env["SOLEGRAPH_TEST_POSTGRES_URL"];

describe.runIf(serverUrl !== undefined)("imports invalidate, and the CLI prints file content safely (issue 25, findings 5 and 8)", () => {
  let server: TestServer;
  let databaseUrl: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-import-fault-"));
  beforeAll(async () => {
    server = await startTestServer();
    databaseUrl = (server.db as unknown as { url: string }).url;
    await server.db.prisma.source.create({ data: { slug: "example-fault-list", kind: "FACILITY_LIST", title: "Example fault list" } });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("a CLI import bumps the write generation and reaches open change streams, with no Redis at all; escape sequences in the file are printed escaped", async () => {
    const { authorization } = await server.createToken("import-watcher", [TokenScope.ADMIN]);
    const stream = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization },
      body: JSON.stringify({ query: "subscription { changes { entityType action } }" }),
    });
    // An import is audited once per batch, on the list's Source (issue 23): that is the change streams hear.
    const imported = '"changes":{"entityType":"SOURCE","action":"IMPORT"}';
    const events = readEventStream(stream, (received) => received.includes(imported), 20_000);
    const before = await readWriteGeneration(server.db.pool);
    const csv = path.join(folder, "list.csv");
    fs.writeFileSync(csv, "country,name,address,sector,lat,lng\nKH,Fictional CLI Sewing Unit,1 Example Street Phnom Penh,Footwear,,\nX\u001b]0;owned\u0007\u001b[2JX,Fictional Escape Works,2 Example Street,Footwear,,\n");
    const run = await npmRun("import", [csv, "--source", "example-fault-list"], { DATABASE_URL: databaseUrl, SOLEGRAPH_DATA_DIR: undefined });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain("\u001b");
    expect(run.stdout).toContain("\\x1b]0;owned\\x07\\x1b[2J");
    expect(await readWriteGeneration(server.db.pool)).not.toBe(before);
    await events.settled;
    expect(events.received()).toContain(imported);
  });
});
