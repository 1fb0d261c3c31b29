import { GraphQLError } from "graphql";

/** How long a client is asked to wait when the database cannot be reached. */
const RETRY_AFTER_SECONDS = 5;

/** Error codes of a database that cannot be reached: sockets, PostgreSQL's connection classes (08, 57P), Prisma's. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EPIPE", "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "P1001", "P1002", "P1017"]);
const UNREACHABLE_MESSAGES = /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/** Whether an error (or one it was caused by) says the database cannot be reached now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Object && !seen.has(current); current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNREACHABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** What the client sees then: the server's state, not a fault of its request — 503 with Retry-After. */
export function databaseUnavailableError(original: unknown): GraphQLError {
  return new GraphQLError("The database cannot be reached right now; retry shortly.", {
    originalError: original instanceof Error ? original : null,
    extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } } },
  });
}
