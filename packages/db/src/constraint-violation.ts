/**
 * What a database constraint said when it refused a write, read the same way whichever
 * adapter carried it: @prisma/adapter-pg turns unique and foreign-key violations into
 * Prisma's P2002/P2003 errors, while pglite-prisma-adapter passes every PostgreSQL error
 * through as a DriverAdapterError. Callers (the seed, the API's error mapping) ask
 * here instead of knowing either shape.
 */
export interface ConstraintViolation {
  readonly kind: "unique" | "foreign-key" | "check" | "not-null";
  /** The constraint's name, e.g. "Brand_slug_key" or "Factory_openedYear_range". */
  readonly constraint: string | undefined;
  readonly message: string;
}

const KINDS: Record<string, ConstraintViolation["kind"]> = {
  "23505": "unique",
  "23503": "foreign-key",
  // restrict_violation: deleting a row that an ON DELETE RESTRICT key still references.
  "23001": "foreign-key",
  "23514": "check",
  "23502": "not-null",
};

interface PostgresErrorLike {
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  originalMessage?: unknown;
  /** node-postgres' field for the constraint a server error names. */
  constraint?: unknown;
}

export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  for (const candidate of postgresErrorCandidates(error)) {
    const code = String(candidate.originalCode ?? candidate.code ?? "");
    const kind = KINDS[code];
    if (!kind) continue;
    const message = String(candidate.originalMessage ?? candidate.message ?? "");
    const named = typeof candidate.constraint === "string" ? candidate.constraint : /constraint "([^"]+)"/.exec(message)?.[1];
    return { kind, constraint: named, message };
  }
  return undefined;
}

function* postgresErrorCandidates(error: unknown): Generator<PostgresErrorLike> {
  if (typeof error !== "object" || error === null) return;
  const e = error as { cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  const fromPrisma = e.meta?.driverAdapterError?.cause;
  if (typeof fromPrisma === "object" && fromPrisma !== null) yield fromPrisma as PostgresErrorLike;
  if (typeof e.cause === "object" && e.cause !== null) yield e.cause as PostgresErrorLike;
  yield error as PostgresErrorLike;
}
