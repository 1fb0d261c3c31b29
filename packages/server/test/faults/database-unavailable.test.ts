import net from "node:net";
import { createDb, type Db } from "@solegraph/db";
import { createTestDb, type TestDb } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type SolegraphApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";

// A PostgreSQL server that goes away: a TCP proxy in front of it, closed by the test.
const serverUrl = process.env["SOLEGRAPH_TEST_POSTGRES_URL"];

describe.runIf(serverUrl !== undefined)("PostgreSQL unreachable (issue 25, finding 10)", () => {
  let real: TestDb;
  let db: Db;
  let app: SolegraphApp;
  let proxy: net.Server;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    real = await createTestDb({ seed: true });
    const target = new URL(real.url!);
    proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("error", () => socket.destroy());
        socket.on("close", () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxied = new URL(real.url!);
    proxied.hostname = "127.0.0.1";
    proxied.port = String((proxy.address() as net.AddressInfo).port);
    db = await createDb({ url: proxied.toString() });
    app = createApp({ db, config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }) });
  });
  afterAll(async () => {
    proxy?.close();
    for (const socket of sockets) socket.destroy();
    await db?.close().catch(() => undefined);
    await real?.close();
  });

  it("answers 503 DATABASE_UNAVAILABLE with Retry-After, not a 500", async () => {
    const ask = () => app.fetch(new Request("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ brands(first: 1) { totalCount } }" }) }));
    expect((await ask()).status).toBe(200);
    proxy.close();
    for (const socket of sockets) socket.destroy();
    const answer = await ask();
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await answer.text()).toContain('"code":"DATABASE_UNAVAILABLE"');
  });
});
