import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../../src/testing/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../src/testing/index.ts";

// A real browser opens GraphiQL, runs the example query it opens with, and reads the
// answer (skipped without chromium, except in CI: see src/testing/browser.ts).
describe.runIf(browserAvailable())("GraphiQL in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on the 990 example and answers it", async () => {
    const page = await browser.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe("solegraph");
    const editor = page.locator(".graphiql-query-editor");
    await editor.waitFor({ timeout: 30_000 });
    // Monaco renders spaces as no-break spaces.
    const text = async () => (await editor.innerText()).replace(/\u00a0/g, " ");
    await expect.poll(text, { timeout: 15_000 }).toContain('series(name: "990")');
    // GraphiQL also posts its introspection query: wait for the example's answer.
    const answered = page.waitForResponse((r) => r.url().startsWith(server.url) && (r.request().postData() ?? "").includes("series("));
    await page.locator(".graphiql-execute-button").click();
    // The whole answer, as the browser received it: both factories of the series.
    const body = JSON.stringify(await (await answered).json());
    expect(body).toContain(`"basis":"REPORTED"`);
    expect(body).toContain(`"name":"New Balance Lawrence"`);
    expect(body).toContain(`"name":"New Balance Methuen"`);
    // And its first lines on screen (the editor renders only the lines in view).
    const result = page.locator(".graphiql-response");
    const answer = async () => (await result.innerText()).replace(/\u00a0/g, " ");
    await expect.poll(answer, { timeout: 15_000 }).toContain('"status": "YES"');
    await page.screenshot({ path: path.join(os.tmpdir(), "solegraph-graphiql.png") });
  });
});
