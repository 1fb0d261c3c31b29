import { TokenScope } from "@solegraph/db";
import { AuthScopeFailureType, type AuthFailure } from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { Context } from "../context.ts";
import { ForbiddenError } from "../curation/errors.ts";
import type { Authentication, TokenAuthentication } from "./authentication.ts";

/** The scopes fields can require, as named in the schema and by `token:create --scope`. */
export interface AuthScopes {
  curate: boolean;
  admin: boolean;
}

/** The scope initializer: what the request's token may do. */
export function authScopes({ authentication }: Context): AuthScopes {
  return { curate: hasScope(authentication, TokenScope.CURATE), admin: hasScope(authentication, TokenScope.ADMIN) };
}

function hasScope(authentication: Authentication, scope: TokenScope): boolean {
  return authentication.kind === "token" && authentication.scopes.includes(scope);
}

/**
 * Why a field was refused. Without a valid token the request is not authenticated:
 * a top-level GraphQL error with code UNAUTHENTICATED and HTTP 401, whatever the
 * field. With a valid token lacking the scope, a ForbiddenError: mutations return it
 * in their result union, queries as a top-level error with code FORBIDDEN.
 */
export function unauthorizedError(context: Context, failure: AuthFailure): Error {
  const { authentication } = context;
  if (authentication.kind !== "token") return unauthenticatedError(authentication);
  const scope = requiredScope(failure);
  return new ForbiddenError(lacksScopeMessage(authentication, scope), scope);
}

/** The request carries no usable token: a top-level error, HTTP 401. */
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

/** Whether the request's token has a scope (by its name in the schema: "curate", "admin"). */
export function hasScopeNamed(authentication: Authentication, scope: string): boolean {
  return authentication.kind === "token" && authentication.scopes.some((s) => s.toLowerCase() === scope);
}

function requiredScope(failure: AuthFailure): string {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    const first = failure.failures[0];
    if (first) return requiredScope(first);
  }
  return "unknown";
}
