import { print } from "graphql";
import type { TokenAuthentication } from "../../auth/authentication.ts";
import { refusal } from "../../auth/scopes.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { planPayload } from "../../read/payload.ts";
import { ChangeRef } from "./type.ts";

/**
 * Live changes: every audit record as its write commits, on any replica (the feed goes
 * through PostgreSQL's LISTEN/NOTIFY; fleet/change-feed.ts). Served over
 * Server-Sent Events by graphql-yoga. Needs the `admin` scope, as the `changes` query.
 * Each event's Change is read through the planner, so it can be selected like the query's.
 */
builder.subscriptionField("changes", (t) =>
  t.field({
    type: ChangeRef,
    description:
      "Every change to the graph as it commits, newest last (Server-Sent Events: `Accept: text/event-stream`). Needs a token with " +
      "the `admin` scope: without one the request fails with UNAUTHENTICATED, with a token lacking it with FORBIDDEN.",
    subscribe: (_root, _args, context: Context) => {
      const refused = refusal(context.authentication, "admin");
      if (refused) throw refused;
      return context.changes.open((context.authentication as TokenAuthentication).tokenId);
    },
    // One read per change and selection, shared by every stream that selects the same (fan-out once).
    resolve: (changeId: number, _args, context: Context, info) => context.changes.readOnce(`${changeId}|${print(info.operation)}|${JSON.stringify(info.variableValues)}`, () => planPayload(info, context, "Change").load(context.prisma, "Change", changeId)),
  }),
);

