import { GraphQLError, type GraphQLField } from "graphql";
import type { Authentication } from "../auth/authentication.ts";
import { hasScopeNamed, lacksScopeMessage, unauthenticatedError } from "../auth/scopes.ts";

/**
 * Fields that need a token scope carry `extensions.requiresScope`. Without a valid
 * token the request is not authenticated (401, UNAUTHENTICATED); with a token that
 * lacks the scope it is forbidden (403, FORBIDDEN). Checked while planning, so no SQL
 * runs for a refused request.
 */
export function checkScope(field: GraphQLField<unknown, unknown>, viewer: Authentication): void {
  const scope = field.extensions["requiresScope"] as string | undefined;
  if (scope === undefined || hasScopeNamed(viewer, scope)) return;
  if (viewer.kind !== "token") throw unauthenticatedError(viewer);
  throw new GraphQLError(lacksScopeMessage(viewer, scope), {
    extensions: { code: "FORBIDDEN", requiredScope: scope, http: { status: 403 } },
  });
}
