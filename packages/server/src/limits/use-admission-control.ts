import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Admission control: at most `maxInFlight` GraphQL operations are executed at once by
 * this process; one more is answered at once with 503 and Retry-After, so an overload
 * is shed instead of queued until every client times out. An operation is counted when
 * it starts to execute: its body has arrived by then (clients trickling their bodies
 * take no place; they meet the body clock, use-body-limit.ts), and subscriptions, which
 * are streams capped on their own (fleet/change-feed.ts), never count, so opening many
 * at once is not shed. Health, readiness and metrics are not GraphQL requests and are
 * always answered.
 */
export function useAdmissionControl(options: { maxInFlight: number; endpoint: string; onShed?: () => void }): Plugin {
  let inFlight = 0;
  const admitted = new WeakSet<Request>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request || admitted.has(request)) return;
      if (inFlight >= options.maxInFlight) {
        options.onShed?.();
        setResultAndStopExecution({
          errors: [new GraphQLError("The server is at capacity; retry in a moment.", { extensions: { code: "SERVER_BUSY", http: { status: 503, headers: { "retry-after": "1" } } } })],
        });
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
