import type { Db, PrismaClient } from "@solegraph/db";
import type { Authentication, TokenAuthentication } from "./auth/authentication.ts";
import type { Limits } from "./config.ts";
import type { RequestTrace } from "./observability/use-request-log.ts";
import type { ChangeFeed } from "./fleet/change-feed.ts";

/** What every resolver gets: the request's database client and who sent it. */
export interface Context {
  readonly prisma: PrismaClient;
  /** The pool under it: work that holds one connection for a long transaction (facility-list imports). */
  readonly pool: Db["pool"];
  readonly authentication: Authentication;
  /** What one request may cost (config.ts). */
  readonly limits: Limits;
  /** What the request log and metrics learn about this request (its id, the query's cost). */
  readonly trace: RequestTrace;
  /** Committed changes as they happen (fleet/change-feed.ts). */
  readonly changes: ChangeFeed;
}

/** The context of a field that required a scope: the sender holds a valid token. */
export interface AuthenticatedContext extends Context {
  readonly authentication: TokenAuthentication;
}
