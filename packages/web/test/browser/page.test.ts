import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { browserAvailable, launchBrowser } from "@solegraph/server/testing/browser";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundleSize, formatBundleSize } from "../../tools/bundle-size.ts";
import { checkAccessibility } from "./support/accessibility.ts";
import { artifactPath, writeArtifact } from "./support/artifacts.ts";
import { buildPage } from "./support/build-page.ts";
import { watchPage, type PageWatch } from "./support/watch-page.ts";

// The web page in Chromium, built from this tree and served by a real server over a
// fresh seeded database. Every page visited must log no error, request nothing off the
// origin, and pass axe with no serious violation; screenshots and axe reports are
// written to test-artifacts/web/. Skipped without chromium, except in CI (see
// @solegraph/server/testing/browser).

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe.runIf(browserAvailable())("the web page in a browser", () => {
  let build: ReturnType<typeof buildPage>;
  let server: TestServer;
  let browser: Browser;
  let origin: string;
  const open: { context: BrowserContext; watch: PageWatch }[] = [];

  beforeAll(async () => {
    build = buildPage();
    [server, browser] = await Promise.all([startTestServer({ webRoot: build.dir }), launchBrowser()]);
    origin = new URL(server.url).origin;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    build?.remove();
  });

  // After each test: what its pages did, checked once for all of them.
  afterEach(async () => {
    for (const { context, watch } of open.splice(0)) {
      await context.close();
      expect(watch.errors, "console errors").toEqual([]);
      expect(watch.foreignRequests, "requests off the origin").toEqual([]);
    }
  });

  async function newPage(options: BrowserContextOptions = DESKTOP): Promise<{ page: Page; watch: PageWatch }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    open.push({ context, watch });
    return { page, watch };
  }

  async function expectAccessible(page: Page, name: string) {
    const { serious } = await checkAccessibility(page, name);
    expect(serious, `axe: serious or critical violations on ${name}`).toEqual([]);
  }

  it("is small on a cold load, and loads the map only where a page shows one", async () => {
    const size = bundleSize(build.dir);
    writeArtifact("bundle-size.txt", `${formatBundleSize(size)}\n`);
    writeArtifact("bundle-size.json", size);
    // Budget: what the first page needs before it runs, as the server sends it.
    expect(size.firstLoadTotal.gzip).toBeLessThan(40 * 1024);

    const { page, watch } = await newPage();
    const response = await page.goto(`${origin}/`);
    expect(response?.headers()["content-security-policy"]).toContain("connect-src 'self'");
    await page.getByRole("combobox", { name: "Search brands, models and factories" }).waitFor();
    await page.getByRole("link", { name: "New Balance" }).waitFor();
    expect(watch.requests.filter((url) => /world-|countries-/.test(url))).toEqual([]);
    await expectAccessible(page, "home");
    await page.screenshot({ path: artifactPath("home.png"), fullPage: true });
  });

  it('searches "hiero" as you type, offered as a suggestion, and the model page shows that "made in the USA" is only claimed, and by whom', async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/`);
    const search = page.getByRole("combobox", { name: "Search brands, models and factories" });
    await search.focus();
    await page.keyboard.type("hiero", { delay: 40 });
    const option = page.getByRole("option", { name: /Fresh Foam Hierro v5/ });
    await option.waitFor();
    // A typo: the graph has no "hiero", so the Hierro is offered as a suggestion, said so.
    await expect.poll(() => page.getByRole("status").first().innerText()).toMatch(/No “hiero” in the graph\. Did you mean/);
    expect(await option.textContent()).toContain("Did you mean");
    await page.screenshot({ path: artifactPath("search-hiero.png") });
    // Keyboard only: the first option, then Enter.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => search.getAttribute("aria-activedescendant")).toBeTruthy();
    await page.keyboard.press("Enter");

    await page.waitForURL(`${origin}/model/fresh-foam-hierro-v5`);
    await page.getByRole("heading", { level: 1, name: "Fresh Foam Hierro v5" }).waitFor();
    // Focus follows the navigation to the new content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(await page.title()).toBe("Is the Fresh Foam Hierro v5 made in the USA? · solegraph");

    const verdict = page.getByRole("region", { name: "Made in the USA?" });
    await verdict.waitFor();
    const text = await verdict.innerText();
    // Never "Yes" on a marketing sentence.
    expect(text).not.toContain("Yes");
    expect(text).toContain("Claimed, not shown");
    expect(text).toContain("Only claimed");
    expect(text).toContain("No independent source reports a production there");
    expect(text).toContain("No source reports a production there: the answer rests on the claims below.");
    // The claim it rests on: its words, verbatim, and who says them.
    const claim = verdict.getByRole("article", { name: "Claim by Are New Balance sneakers made in the USA?" });
    const claimText = await claim.innerText();
    expect(claimText).toContain("hiking boots like Fresh Foam Hierro v5");
    expect(claimText).toContain("Marketing · speaks for the brand");
    // A link that opens the article at the passage.
    expect(await claim.getByRole("link", { name: "Open the passage" }).getAttribute("href")).toMatch(/^https:\/\/godshoe\.me\/.+#:~:text=/);
    expect(text).toContain("No source says otherwise.");
    await expectAccessible(page, "model-hierro");
    await page.screenshot({ path: artifactPath("model-hierro.png"), fullPage: true });
  });

  it('answers "990" with the line, reported, and Lawrence, Methuen and Skowhegan on the map', async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/`);
    await page.getByRole("combobox").fill("990");
    await page.getByRole("option", { name: /The 990 line/ }).click();

    await page.waitForURL(`${origin}/series/990?brand=new-balance`);
    await page.getByRole("heading", { level: 1, name: "The 990 line" }).waitFor();
    const verdict = page.getByRole("region", { name: "Made in the USA?" });
    const text = await verdict.innerText();
    expect(text).toContain("Yes");
    expect(text).toContain("Reported");
    expect(text).toContain("MassLive, 2022-03-28");
    expect(text).toContain("News · independent");
    // Each source with what its passage states, and a link that opens the page at it.
    expect(text).toContain("specifically makes the MADE 990v5");
    const passageLinks = await verdict.getByRole("link", { name: "Open the passage" }).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(passageLinks.length).toBeGreaterThan(3);
    expect(passageLinks.every((href) => /^https?:\/\/[^#]+#:~:text=/.test(href ?? ""))).toBe(true);

    const map = page.getByTestId("factory-map");
    await map.waitFor();
    const viewBox = (await map.getAttribute("viewBox"))?.split(" ").map(Number) ?? [];
    const [, , width = 0, height = 0] = viewBox;
    for (const slug of ["nb-lawrence", "nb-methuen", "nb-skowhegan"]) {
      const pin = map.locator(`circle[data-factory="${slug}"]`);
      const [cx, cy] = [Number(await pin.getAttribute("cx")), Number(await pin.getAttribute("cy"))];
      expect(cx, slug).toBeGreaterThan(0);
      expect(cx, slug).toBeLessThan(width);
      expect(cy, slug).toBeGreaterThan(0);
      expect(cy, slug).toBeLessThan(height);
    }
    expect(await map.getAttribute("aria-label")).toMatch(/New Balance Lawrence in Lawrence; New Balance Methuen in Methuen; New Balance Skowhegan in Skowhegan/);
    expect((await map.locator("text").allTextContents()).join(" · ")).toMatch(/Lawrence · Methuen.*Skowhegan|Skowhegan.*Lawrence · Methuen/);
    // The map's data came from this server: its own origin, compressed, cached for a year.
    const atlas = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).find((name) => name.includes("countries-")));
    expect(atlas?.startsWith(`${origin}/assets/`)).toBe(true);
    const atlasResponse = await fetch(atlas ?? "", { headers: { "accept-encoding": "br" } });
    expect(atlasResponse.headers.get("cache-control")).toContain("immutable");
    await expectAccessible(page, "series-990");
    await page.screenshot({ path: artifactPath("series-990.png"), fullPage: true });
  });

  it("shows a factory: where, status and dates, what it makes, its process route", async () => {
    const { page } = await newPage();
    // A deep link: the server answers it with the page, which routes on its own.
    await page.goto(`${origin}/factory/nb-methuen`);
    await page.getByRole("heading", { level: 1, name: "New Balance Methuen" }).waitFor();
    const main = await page.getByRole("main").innerText();
    expect(main).toContain("Methuen, Massachusetts, United States of America");
    expect(main).toContain("Operating since 2022");
    expect(main).toContain("596 Lowell St.");
    expect(main).toContain("90 (as of 2022)");
    const makes = page.getByRole("region", { name: "What it makes" });
    await makes.getByRole("link", { name: "990v5" }).waitFor();
    const steps = page.getByRole("list", { name: "Steps of making a shoe, and which are done at New Balance Methuen" });
    const stepTexts = await steps.getByRole("listitem").allInnerTexts();
    expect(stepTexts).toHaveLength(9);
    // No source describes the process at Methuen itself: no step is placed there.
    expect(stepTexts.filter((step) => step.includes("done here"))).toEqual([]);
    await page.locator('circle[data-factory="nb-methuen"]').waitFor();
    await expectAccessible(page, "factory-methuen");
    await page.screenshot({ path: artifactPath("factory-methuen.png"), fullPage: true });
  });

  it("shows a brand's production by country as a chart and its factories on the map", async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/brand/new-balance`);
    await page.getByRole("heading", { level: 1, name: "New Balance" }).waitFor();
    const chart = page.getByRole("img", { name: /Productions recorded per country/ });
    expect(await chart.locator("g[data-country]").evaluateAll((bars) => bars.map((bar) => bar.getAttribute("data-country")))).toEqual(["US", "GB"]);
    const figures = await page.getByRole("table").innerText();
    expect(figures).toMatch(/United Kingdom\s+3\s+1/);
    // It says plainly what the counts are, and where sources say the rest is made.
    const main = await page.getByRole("main").innerText();
    expect(main).toContain("What the graph records, not New Balance's output");
    const said = page.getByRole("region", { name: "Where sources say New Balance also makes shoes" });
    expect(await said.getByRole("heading", { level: 4 }).allInnerTexts()).toEqual(["People's Republic of China", "Indonesia", "Vietnam"]);
    // The share claims side by side, each with its source.
    await page.getByRole("article", { name: "Claim by New Balance Breaks Ground on New Hampshire Factory" }).waitFor();
    await page.getByRole("article", { name: "Claim by Are New Balance sneakers made in the USA?" }).first().waitFor();
    const map = page.getByTestId("factory-map");
    await map.waitFor();
    expect(await map.locator("circle[data-factory]").count()).toBe(7);
    await expectAccessible(page, "brand-new-balance");
    await page.screenshot({ path: artifactPath("brand-new-balance.png"), fullPage: true });
  });

  it("is usable with the keyboard alone: skip link, search, arrows, Enter, back", async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/`);
    await page.getByRole("combobox").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    await page.keyboard.type("flimbi", { delay: 40 });
    await page.getByRole("option", { name: /New Balance Flimby/ }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "New Balance Flimby" }).waitFor();
    // Escape closes the list without leaving the field.
    await page.getByRole("combobox").focus();
    await page.keyboard.type("576", { delay: 40 });
    await page.getByRole("option").first().waitFor();
    await page.keyboard.press("Escape");
    expect(await page.getByRole("listbox").isHidden()).toBe(true);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Where is my sneaker made?" }).waitFor();
  });

  it("works on a phone-sized screen", async () => {
    const { page } = await newPage(PHONE);
    await page.goto(`${origin}/series/990?brand=new-balance`);
    await page.getByTestId("factory-map").waitFor();
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, "phone-series-990");
    await page.screenshot({ path: artifactPath("phone-series-990.png"), fullPage: true });
    await page.getByRole("link", { name: "New Balance Lawrence" }).first().tap();
    await page.getByRole("heading", { level: 1, name: "New Balance Lawrence" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: artifactPath("phone-factory-lawrence.png"), fullPage: true });
  });

  it("puts conflicting claims side by side, and says the sources disagree", async () => {
    // A fictional source denying what the marketing copy claims about the 998.
    const curator = await server.createToken("page-test-curator");
    const created = await server.graphql<{ createSource: { __typename: string } }>(
      `mutation { createSource(input: { slug: "cobblers-ledger", kind: NEWS, title: "The Cobbler's Ledger", url: "https://ledger.example/998" }) { __typename } }`,
      {},
      curator,
    );
    expect(created.data?.createSource.__typename).toBe("CreateSourcePayload");
    const model = await server.graphql<{ model: { id: string } }>(`{ model(slug: "998") { id } }`);
    const recorded = await server.graphql<{ recordClaim: { __typename: string } }>(
      `mutation($subject: ID!) { recordClaim(input: { source: "cobblers-ledger", subject: $subject, topic: MADE_IN, stance: DENIES, country: "US",
        statement: "The Ledger says the 998 on its shelves is sewn abroad.", locator: "https://ledger.example/998#:~:text=sewn%20abroad" }) { __typename } }`,
      { subject: model.data?.model.id },
      curator,
    );
    expect(recorded.data?.recordClaim.__typename).toBe("RecordClaimPayload");

    const { page } = await newPage();
    await page.goto(`${origin}/model/998`);
    const verdict = page.getByRole("region", { name: "Made in the USA?" });
    await verdict.waitFor();
    expect(await verdict.innerText()).toContain("Sources disagree");
    const forSide = page.locator(".side-for");
    const againstSide = page.locator(".side-against");
    expect(await forSide.innerText()).toContain("Marketing · speaks for the brand");
    expect(await againstSide.innerText()).toContain("The Ledger says the 998 on its shelves is sewn abroad.");
    expect(await againstSide.getByRole("link", { name: "Open the passage" }).getAttribute("href")).toBe("https://ledger.example/998#:~:text=sewn%20abroad");
    expect(await againstSide.getByRole("link", { name: "The Cobbler's Ledger" }).getAttribute("href")).toBe("https://ledger.example/998");
    // Side by side: the two columns share a row on a wide screen.
    const [forBox, againstBox] = [await forSide.boundingBox(), await againstSide.boundingBox()];
    expect(forBox?.y).toBe(againstBox?.y);
    expect((forBox?.x ?? 0) + (forBox?.width ?? 0)).toBeLessThanOrEqual(againstBox?.x ?? 0);
    await expectAccessible(page, "model-998-conflicting");
    await page.screenshot({ path: artifactPath("model-998-conflicting.png"), fullPage: true });
  });

  it("says plainly when an address names nothing", async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/model/no-such-shoe`);
    await page.getByRole("heading", { level: 1, name: "Not found" }).waitFor();
    expect(await page.getByRole("main").innerText()).toContain("The graph has no model “no-such-shoe”");
  });
});
