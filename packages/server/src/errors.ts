import { GraphQLError } from "graphql";

/** An error caused by the request, shown to the client as is (never masked). */
export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...details } });
}
