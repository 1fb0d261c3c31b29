import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { maskError as yogaMaskError, type YogaServerOptions } from "graphql-yoga";

type MaskError = NonNullable<Extract<YogaServerOptions<object, object>["maskedErrors"], object>["maskError"]>;

/**
 * Internal errors (database, bugs) become "Unexpected error." with no stack or SQL;
 * errors the request caused are shown: our GraphQLErrors, and Pothos' own validation
 * errors (e.g. an undecodable cursor), which are reported as BAD_USER_INPUT.
 */
export const maskError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError && error instanceof GraphQLError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes ?? null,
      path: error.path ?? null,
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return yogaMaskError(error, message, isDev);
};
