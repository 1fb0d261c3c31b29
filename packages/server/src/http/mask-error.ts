import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { maskError as yogaMaskError, type YogaServerOptions } from "graphql-yoga";
import { CurationError, ForbiddenError } from "../curation/errors.ts";
import { databaseUnavailableError, isDatabaseUnavailable } from "./database-unavailable.ts";

type MaskError = NonNullable<Extract<YogaServerOptions<object, object>["maskedErrors"], object>["maskError"]>;

/**
 * Internal errors (database, bugs) become "Unexpected error." with no stack or SQL
 * (the original stays on the error for the request log, never in the response);
 * errors the request caused are shown: our GraphQLErrors, Pothos' own validation
 * errors (e.g. an undecodable cursor), reported as BAD_USER_INPUT, and curation errors
 * that reach the top level (e.g. FORBIDDEN on an admin-only query), with their code.
 */
export const maskError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (error instanceof GraphQLError && (original instanceof PothosValidationError || original instanceof CurationError)) {
    return new GraphQLError(original.message, {
      nodes: error.nodes ?? null,
      path: error.path ?? null,
      extensions: {
        code: original instanceof CurationError ? original.code : "BAD_USER_INPUT",
        ...(original instanceof ForbiddenError && { http: { status: 403 } }),
      },
    });
  }
  // The database away is no bug: 503 with Retry-After and its own code.
  if (isDatabaseUnavailable(original)) {
    const unavailable = databaseUnavailableError(original);
    return new GraphQLError(unavailable.message, { nodes: error instanceof GraphQLError ? (error.nodes ?? null) : null, path: error instanceof GraphQLError ? (error.path ?? null) : null, extensions: unavailable.extensions, originalError: unavailable.originalError ?? null });
  }
  const masked = yogaMaskError(error, message, isDev);
  if (masked === error || !(masked instanceof GraphQLError)) return masked;
  // The client sees the masked error; the request log (use-request-log.ts) logs the
  // original with its stack, which the masked error carries without serializing it.
  const fault = original instanceof Error ? original : error instanceof Error ? error : undefined;
  return new GraphQLError(masked.message, { nodes: masked.nodes ?? null, path: masked.path ?? null, extensions: masked.extensions, originalError: fault ?? null });
};
