import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Refuses, at the edge, strings no stored fact can hold: NUL characters (PostgreSQL
 * text cannot hold them) and unpaired UTF-16 surrogates (not Unicode at all), anywhere
 * in the query, the operation name, the variables or the extensions (HTTP 400,
 * BAD_USER_INPUT, before parsing), and in string literals of the document, where
 * `\u0000` or `\ud800` escapes can write them (a validation rule, same code).
 */
export function useInputHygiene(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(hygienicStringLiterals);
    },
    onParams({ params, setResult }) {
      const problem = findBadString(params.query, "query") ?? findBadString(params.operationName, "operationName") ?? findBadString(params.variables, "variables") ?? findBadString(params.extensions, "extensions");
      if (!problem) return;
      setResult({
        errors: [
          new GraphQLError(`${problem.where} holds ${problem.what}, which no value may contain.`, {
            extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
          }),
        ],
      });
    },
  };
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findBadString(value: unknown, where: string): { where: string; what: string } | undefined {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { where, what: "a NUL character (\\u0000)" };
    if (LONE_SURROGATE.test(value)) return { where, what: "an unpaired UTF-16 surrogate" };
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findBadString(item, `${where}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findBadString(key, `a key in ${where}`) ?? findBadString(item, `${where}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function hygienicStringLiterals(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      const problem = findBadString(node.value, "A string in the query");
      if (problem) {
        context.reportError(
          new GraphQLError(`${problem.where} holds ${problem.what}, which no value may contain.`, {
            nodes: node,
            extensions: { code: "BAD_USER_INPUT", http: { status: 400, spec: true } },
          }),
        );
      }
    },
  };
}
