import type { Plugin } from "graphql-yoga";

/** A year, as browsers expect for Strict-Transport-Security. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Headers for the HTML pages (GraphiQL, the web page): no framing by other sites
 * (clickjacking), no content sniffing, and Strict-Transport-Security when the page was
 * served over TLS — directly, or behind a proxy that says so in X-Forwarded-Proto when
 * SOLEGRAPH_TRUST_PROXY is on (without it, the header is anyone's to send).
 */
export function usePageSecurity(options: { trustProxy: boolean }): Plugin {
  return {
    onResponse({ request, response }) {
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return;
      response.headers.set("x-frame-options", "DENY");
      response.headers.set("x-content-type-options", "nosniff");
      if (!response.headers.has("content-security-policy")) response.headers.set("content-security-policy", "frame-ancestors 'none'");
      const proto = options.trustProxy ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
      if (new URL(request.url).protocol === "https:" || proto === "https") response.headers.set("strict-transport-security", `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    },
  };
}
