import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

// The web page's serving, over a stand-in build (the real one is tested in Chromium by
// packages/web/test/browser): index.html for the page's addresses, hashed files with
// long caching, and nothing else taken from GraphQL's paths.
describe("the web page at /", () => {
  let app: TestApp;
  let root: string;
  const page = "<!doctype html><title>stand-in</title><script type=module src=/assets/index-Ab12Cd34.js></script>";
  const script = "console.log('stand-in');";

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-web-"));
    fs.mkdirSync(path.join(root, "assets"));
    fs.writeFileSync(path.join(root, "index.html"), page);
    fs.writeFileSync(path.join(root, "assets", "index-Ab12Cd34.js"), script);
    fs.writeFileSync(path.join(root, "assets", "index-Ef56Gh78.css"), "body{}");
    fs.writeFileSync(path.join(root, "assets", "countries-Xy.json"), "{}");
    fs.writeFileSync(path.join(root, "secret.txt"), "not served");
    app = await createTestApp({ webRoot: root });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("answers / and the page's own addresses with index.html, revalidated, under a strict CSP", async () => {
    for (const address of ["/", "/model/990", "/model/fresh-foam-hierro-v5", "/series/990?brand=new-balance", "/factory/nb-lawrence", "/brand/new-balance/"]) {
      const response = await app.fetch(`http://localhost${address}`);
      expect(response.status, address).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'.*connect-src 'self'/);
      expect(await response.text()).toBe(page);
    }
  });

  it("answers a repeated request with 304 while index.html is unchanged", async () => {
    const first = await app.fetch("http://localhost/");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await app.fetch("http://localhost/", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
  });

  it("serves hashed files with their content type and a year's immutable caching", async () => {
    const js = await app.fetch("http://localhost/assets/index-Ab12Cd34.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await js.text()).toBe(script);
    expect((await app.fetch("http://localhost/assets/index-Ef56Gh78.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await app.fetch("http://localhost/assets/countries-Xy.json")).headers.get("content-type")).toBe("application/json");
    const head = await app.fetch("http://localhost/assets/index-Ab12Cd34.js", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(script.length));
  });

  it("serves nothing else from the build folder, and no path leads out of it", async () => {
    for (const address of ["/assets/missing-123.js", "/assets/..%2Fsecret.txt", "/assets/%2e%2e/secret.txt", "/assets/.hidden.js", "/secret.txt", "/assets/"]) {
      const response = await app.fetch(`http://localhost${address}`);
      expect(response.status, address).toBe(404);
      expect(await response.text()).not.toContain("not served");
    }
    expect((await app.fetch("http://localhost/model/990/extra")).status).toBe(404);
  });

  it("leaves GraphQL, GraphiQL and health where they were", async () => {
    const graphiql = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain("graphiql");
    expect((await app.graphql<{ __typename: string }>("{ __typename }")).data).toEqual({ __typename: "Query" });
    expect((await app.fetch("http://localhost/health")).status).toBe(200);
    // POST / is not the page's.
    expect((await app.fetch("http://localhost/", { method: "POST", body: "{}" })).status).not.toBe(200);
  });
});
