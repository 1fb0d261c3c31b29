import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * The real browser for page tests: Debian's chromium (playwright cannot download its
 * own browsers here). Where it is missing, page tests are skipped, unless
 * SOLEGRAPH_REQUIRE_BROWSER is set (CI), which makes a missing browser an error.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function browserAvailable(): boolean {
  const available = fs.existsSync(CHROMIUM_PATH);
  if (!available && process.env.SOLEGRAPH_REQUIRE_BROWSER) {
    throw new Error(`No browser at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium).`);
  }
  return available;
}

/** Headless chromium with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
    ],
  });
}
