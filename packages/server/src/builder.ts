import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import ValidationPlugin from "@pothos/plugin-validation";
import RequireScopePlugin from "./auth/require-scope-plugin.ts";
import type { Context } from "./context.ts";
import { ValidationError } from "./curation/errors.ts";

/**
 * The schema builder. Reads are planned into SQL (src/read): their types carry read
 * plans and need no plugin. The plugins serve the writes (see their order below).
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    CountryCode: { Input: string; Output: string };
    URL: { Input: URL; Output: string };
    /** A file of a multipart request (GraphQL multipart request spec), as graphql-yoga hands it over. */
    File: { Input: File; Output: never };
  };
}>({
  // Outermost first: errors turns refusals and validation failures into result-union
  // members (also those of argument mapping), requireScope checks the token before
  // validation looks at the input.
  plugins: [ErrorsPlugin, RequireScopePlugin, ValidationPlugin],
  defaultFieldNullability: false,
  errors: { unsafelyHandleInputErrors: true },
  validation: {
    // Every problem with the input, with its path: returned in the mutation's result union.
    validationError: (failure) =>
      new ValidationError(failure.issues.map((issue) => ({ path: (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)), message: issue.message }))),
  },
});

builder.queryType({});
builder.subscriptionType({
  description: "Live updates over Server-Sent Events (`Accept: text/event-stream`), as graphql-yoga serves them.",
});
builder.mutationType({
  description:
    "Curators' writes. Each needs `Authorization: Bearer <token>` with the `curate` scope (`npm run token:create`). " +
    "Without a valid token a mutation fails as a whole: a top-level error with extensions.code UNAUTHENTICATED and " +
    "HTTP 401. Everything else (a token without the scope included) comes back in the mutation's result union; " +
    "a result other than the payload means nothing was written. Every write is recorded in `changes`.",
});
