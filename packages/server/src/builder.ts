import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import { authScopes, unauthorizedError, type AuthScopes } from "./auth/scopes.ts";
import type { AuthenticatedContext, Context } from "./context.ts";
import { validationErrorFromZod } from "./validation/zod-issues.ts";

/**
 * The schema builder. Reads are planned into SQL (src/read): their types carry read
 * plans and need no plugin. The plugins serve the writes: errors turns what mutations
 * throw into result unions; scope-auth checks the token before zod validates the
 * input, so an unauthenticated request learns nothing about what it sent.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  AuthContexts: { curate: AuthenticatedContext; admin: AuthenticatedContext };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    CountryCode: { Input: string; Output: string };
    URL: { Input: URL; Output: string };
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ZodPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes,
    unauthorizedError: (_parent, context, _info, result) => unauthorizedError(context, result.failure),
  },
  zod: { validationError: validationErrorFromZod },
});

builder.queryType({});
builder.mutationType({
  description:
    "Curators' writes. Each needs `Authorization: Bearer <token>` with the `curate` scope (`npm run token:create`). " +
    "Without a valid token a mutation fails as a whole: a top-level error with extensions.code UNAUTHENTICATED and " +
    "HTTP 401. Everything else (a token without the scope included) comes back in the mutation's result union; " +
    "a result other than the payload means nothing was written. Every write is recorded in `changes`.",
});
