import type { PrismaClient } from "@solegraph/db";

/** What every resolver gets: the request's database client. */
export interface Context {
  readonly prisma: PrismaClient;
}
