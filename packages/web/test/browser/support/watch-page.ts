import type { Page } from "playwright-core";

export interface PageWatch {
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: string[];
  /** Every URL the page requested that is not on `origin` (data: URLs aside). */
  readonly foreignRequests: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
}

/** Records what a page does that the tests forbid: errors, and requests off its origin. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { errors: [], foreignRequests: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") watch.errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.errors.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    watch.requests.push(url);
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) watch.foreignRequests.push(url);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // Aborted on purpose: a search superseded by the next keystroke, a page left while loading.
    if (reason !== "net::ERR_ABORTED") watch.errors.push(`request failed: ${request.url()} ${reason}`);
  });
  return watch;
}
