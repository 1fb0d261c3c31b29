import type { Plugin } from "graphql-yoga";

/**
 * Admission control: at most `maxInFlight` GraphQL requests are worked on at once by
 * this process; one more is answered at once with 503 and Retry-After, so an overload
 * is shed instead of queued until every client times out. Health, readiness and
 * metrics are not GraphQL requests and are always answered.
 */
export function useAdmissionControl(options: { maxInFlight: number; endpoint: string; onShed?: () => void }): Plugin {
  let inFlight = 0;
  const admitted = new WeakSet<Request>();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== options.endpoint) return;
      if (inFlight >= options.maxInFlight) {
        options.onShed?.();
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: "The server is at capacity; retry in a moment.", extensions: { code: "SERVER_BUSY" } }] }),
            { status: 503, headers: { "content-type": "application/json; charset=utf-8", "retry-after": "1" } },
          ),
        );
        return;
      }
      inFlight += 1;
      admitted.add(request);
    },
    onResponse({ request }) {
      if (admitted.delete(request)) inFlight -= 1;
    },
  };
}
