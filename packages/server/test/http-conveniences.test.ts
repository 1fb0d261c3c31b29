import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createTestApp, startTestServer, type TestApp, type TestServer } from "../src/testing/index.ts";

const NO_WEB_PAGE = path.join(os.tmpdir(), "solegraph-no-web-page");
const LARGE_QUERY = "{ factories(first: 50) { edges { node { slug name city region country { code name } status } } } }";

describe("HTTP conveniences", () => {
  let server: TestServer;
  let withoutGraphiQL: TestApp;
  beforeAll(async () => {
    // No web page built here (test/web-page.test.ts serves one): / is the fallback's.
    server = await startTestServer({ webRoot: NO_WEB_PAGE });
    withoutGraphiQL = await createTestApp({ config: loadConfig({ SOLEGRAPH_GRAPHIQL: "off" }), webRoot: NO_WEB_PAGE, db: server.db });
  });
  afterAll(async () => {
    // The database's owner last.
    await withoutGraphiQL?.close();
    await server?.close();
  });

  // node:http directly: fetch would decompress (and hide) the encoding.
  function raw(query: string, acceptEncoding: string) {
    return new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const request = http.request(server.url, { method: "POST", headers: { "content-type": "application/json", "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ encoding: response.headers["content-encoding"], vary: response.headers["vary"], body: Buffer.concat(chunks) }),
        );
      });
      request.on("error", reject);
      request.end(JSON.stringify({ query }));
    });
  }

  it("compresses answers above 1 KB with gzip or brotli, as the client accepts", async () => {
    const plain = await raw(LARGE_QUERY, "identity");
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const gzip = await raw(LARGE_QUERY, "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(gzip.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.body).toString()).toBe(plain.body.toString());
    const brotli = await raw(LARGE_QUERY, "br, gzip");
    expect(brotli.encoding).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(plain.body.toString());
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);
  });

  it("leaves small answers uncompressed", async () => {
    const small = await raw("{ __typename }", "gzip, br");
    expect(small.encoding).toBeUndefined();
  });

  it("without a built web page, leads / to GraphiQL, and says where the endpoint is when GraphiQL is off", async () => {
    const root = await fetch(new URL("/", server.url), { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/graphql");
    const text = await withoutGraphiQL.fetch("http://localhost/");
    expect(text.status).toBe(200);
    expect(await text.text()).toMatch(/GraphQL endpoint is POST \/graphql/);
  });
});
