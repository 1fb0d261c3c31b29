import type { Db, PrismaClient } from "@solegraph/db";
import type { Authentication, TokenAuthentication } from "./auth/authentication.ts";
import type { Limits } from "./config.ts";
import type { RequestTrace } from "./observability/use-request-log.ts";
import type { SharedState } from "./fleet/shared-state.ts";

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
  /** What the fleet's processes share: the response cache's generation, the change feed. */
  readonly shared: SharedState;
}

/** The context of a field that required a scope: the sender holds a valid token. */
export interface AuthenticatedContext extends Context {
  readonly authentication: TokenAuthentication;
}
