import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

describe("GraphiQL's page is served with a policy and frame protection (issue 25, finding 10)", () => {
  let graph: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    graph = await createTestApp();
    behindProxy = await createTestApp({ config: loadConfig({ SOLEGRAPH_TRUST_PROXY: "on" }), db: graph.db });
  });
  afterAll(async () => {
    // The database's owner last.
    await behindProxy?.close();
    await graph?.close();
  });

  const page = (app: TestApp, headers: Record<string, string> = {}) => app.fetch(app.url, { headers: { accept: "text/html", ...headers } });

  it("allows only its own scripts (inline ones by hash) and refuses framing", async () => {
    const answer = await page(graph, { "x-forwarded-proto": "https" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    expect(answer.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    // Not behind a trusted proxy: X-Forwarded-Proto is anyone's to send.
    expect(answer.headers.get("strict-transport-security")).toBeNull();
    const html = await answer.text();
    const policy = /<meta http-equiv=Content-Security-Policy content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){2}(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|https?:/);
  });

  it("says Strict-Transport-Security behind a trusted proxy that served https", async () => {
    expect((await page(behindProxy, { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect((await page(behindProxy, { "x-forwarded-proto": "http" })).headers.get("strict-transport-security")).toBeNull();
  });
});
