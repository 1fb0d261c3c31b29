/**
 * Why a write was refused, in terms the client can act on. Mutations return these in
 * their result unions (schema/errors.ts); anything else a write throws is internal and
 * masked.
 */
export abstract class CurationError extends Error {
  /** The `extensions.code` when one surfaces as a top-level GraphQL error. */
  abstract readonly code: string;
}

/** A path into the mutation's arguments, e.g. ["input", "route", "2", "position"]. */
export type FieldPath = readonly string[];

export interface ValidationIssue {
  readonly path: FieldPath;
  readonly message: string;
}

export class ValidationError extends CurationError {
  readonly code = "BAD_USER_INPUT";
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; "));
    this.name = "ValidationError";
  }

  static at(path: FieldPath, message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class NotFoundError extends CurationError {
  readonly code = "NOT_FOUND";
  constructor(
    message: string,
    /** The argument that named the missing thing. */
    readonly path: FieldPath,
    /** The slug or ID that was not found. */
    readonly reference: string,
  ) {
    super(message);
    this.name = "NotFoundError";
  }
}

export type ConflictReason = "ALREADY_EXISTS" | "STALE_VERSION" | "HAS_DEPENDENTS" | "LAST_CITATION";

export class ConflictError extends CurationError {
  readonly code = "CONFLICT";
  constructor(
    message: string,
    readonly reason: ConflictReason,
    /** The argument the conflict is about. */
    readonly path: FieldPath = ["input"],
    /** For STALE_VERSION: the version now stored, when the entity still exists. */
    readonly currentVersion: number | null = null,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends CurationError {
  readonly code = "FORBIDDEN";
  constructor(
    message: string,
    readonly requiredScope: string,
  ) {
    super(message);
    this.name = "ForbiddenError";
  }
}
