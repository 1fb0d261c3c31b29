import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { browserAvailable, launchBrowser } from "@solegraph/server/testing/browser";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The SDK in a real browser: bundled for the browser platform (graphql included), run in
// a page served by the test server (same origin), talking to it with the page's fetch.
// Skipped without chromium, except in CI (see @solegraph/server/testing/browser).

describe.runIf(browserAvailable())("the SDK in a browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer(),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("queries, paginates and reports errors with the browser's fetch", async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL("../fixtures/browser-app.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "solegraphTest",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const page = await browser.newPage();
    await page.goto(new URL("/health", server.url).toString());
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
    const result = await page.evaluate(
      (url) => (globalThis as unknown as { solegraphTest: typeof import("../fixtures/browser-app.ts") }).solegraphTest.run(url),
      server.url,
    );
    expect(result).toMatchObject({ verdict: "YES", firstHit: "SneakerModel", walked: 7, errorCode: "BAD_USER_INPUT" });
    expect(result.userAgent).toContain("Chrome");
  });
});
