import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { GraphQLError, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Limits on a query's shape (README: "Limits"). Its cost is counted by the planner. */
export const SHAPE_LIMITS = { maxDepth: 12, maxAliases: 30, maxDirectives: 30, maxTokens: 5000 } as const;

/**
 * graphql-armor's depth, alias, directive and token limits, reporting a refusal as
 * the client's mistake it is: a validation error with its own code and HTTP 400
 * (graphql-armor's own errors read "Syntax Error: ..." and carry no code).
 */
export function useShapeLimits(): Plugin[] {
  const asValidationError = (code: string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ""), {
          extensions: { code, http: { status: 400, spec: true } },
        });
        if (context) context.reportError(refusal);
        else throw refusal;
      },
    ],
  });
  return [
    maxTokensPlugin({ n: SHAPE_LIMITS.maxTokens, ...asValidationError("TOKEN_LIMIT_EXCEEDED") }),
    maxDepthPlugin({ n: SHAPE_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...asValidationError("DEPTH_LIMIT_EXCEEDED") }),
    maxAliasesPlugin({ n: SHAPE_LIMITS.maxAliases, ...asValidationError("ALIAS_LIMIT_EXCEEDED") }),
    maxDirectivesPlugin({ n: SHAPE_LIMITS.maxDirectives, ...asValidationError("DIRECTIVE_LIMIT_EXCEEDED") }),
  ] as Plugin[];
}
