import { GraphQLError } from "graphql";
import { ForbiddenError } from "../curation/errors.ts";
import type { Authentication, TokenAuthentication } from "./authentication.ts";

/** The scopes fields can require, as named in the schema and by `token:create --scope`. */
export type Scope = "curate" | "admin";

/** Whether the request's token has a scope. */
export function hasScopeNamed(authentication: Authentication, scope: string): boolean {
  return authentication.kind === "token" && authentication.scopes.some((s) => s.toLowerCase() === scope);
}

/** The request carries no usable token: a top-level error, HTTP 401, whatever the field. */
export function unauthenticatedError(authentication: Exclude<Authentication, TokenAuthentication>): GraphQLError {
  return new GraphQLError(
    authentication.kind === "anonymous"
      ? "Authentication required: send `Authorization: Bearer <token>` (create one with `npm run token:create`)."
      : authentication.reason,
    {
      extensions: {
        code: "UNAUTHENTICATED",
        http: { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="solegraph"' } },
      },
    },
  );
}

export function lacksScopeMessage(token: TokenAuthentication, scope: string): string {
  return `The token "${token.name}" lacks the \`${scope}\` scope this needs.`;
}

/**
 * Why a mutation is refused, or undefined when the token may do it: without a valid
 * token, UNAUTHENTICATED (401) for the whole request; with a token lacking the scope,
 * a ForbiddenError the mutation returns in its result union.
 */
export function refusal(authentication: Authentication, scope: Scope): Error | undefined {
  if (hasScopeNamed(authentication, scope)) return undefined;
  if (authentication.kind !== "token") return unauthenticatedError(authentication);
  return new ForbiddenError(lacksScopeMessage(authentication, scope), scope);
}
