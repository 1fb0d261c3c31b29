import type { PrismaClient } from "@solegraph/db";
import type { Authentication, TokenAuthentication } from "./auth/authentication.ts";
import type { Limits } from "./config.ts";

/** What every resolver gets: the request's database client and who sent it. */
export interface Context {
  readonly prisma: PrismaClient;
  readonly authentication: Authentication;
  /** What one request may cost (config.ts). */
  readonly limits: Limits;
}

/** The context of a field that required a scope: the sender holds a valid token. */
export interface AuthenticatedContext extends Context {
  readonly authentication: TokenAuthentication;
}
