import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import { isFileValue } from "../uploads/disk-file.ts";
import { MAX_VARIABLE_DEPTH } from "./value-depth.ts";

/**
 * Refuses, at the edge, strings no stored fact can hold: NUL characters (PostgreSQL
 * text cannot hold them) and unpaired UTF-16 surrogates (not Unicode at all), anywhere
 * in the query, the operation name, the variables or the extensions (HTTP 400,
 * BAD_USER_INPUT, before parsing), and in string literals of the document, where
 * `\u0000` or `\ud800` escapes can write them (a validation rule, same code). Values
 * nested deeper than MAX_VARIABLE_DEPTH are refused (VARIABLES_TOO_DEEP, HTTP 400).
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
          new GraphQLError(problem.code ? `${problem.where} holds ${problem.what}.` : `${problem.where} holds ${problem.what}, which no value may contain.`, {
            extensions: { code: problem.code ?? "BAD_USER_INPUT", http: { status: 400 } },
          }),
        ],
      });
    },
  };
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Finding = { where: string; what: string; code?: string };

/**
 * The first bad string in a value, walked with a stack of its own (not recursion: a
 * value nested 20,000 deep is refused, not a stack overflow). Uploaded files are not
 * looked into: their bytes are the importer's to check.
 */
function findBadString(root: unknown, rootWhere: string): Finding | undefined {
  const stack: { value: unknown; where: string; depth: number }[] = [{ value: root, where: rootWhere, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, where, depth } = next;
    if (typeof value === "string") {
      const found = badString(value, where);
      if (found) return found;
      continue;
    }
    if (value === null || typeof value !== "object" || isFileValue(value)) continue;
    if (depth >= MAX_VARIABLE_DEPTH) return { where: rootWhere, what: `values nested more than ${MAX_VARIABLE_DEPTH} deep`, code: "VARIABLES_TOO_DEEP" };
    const entries = Array.isArray(value) ? value.map((item, i) => [`[${i}]`, item] as const) : Object.entries(value).map(([key, item]) => [`.${key}`, item] as const);
    // Reversed onto the stack: the first problem in reading order is the one reported.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [step, item] = entries[i]!;
      stack.push({ value: item, where: `${where}${step}`, depth: depth + 1 });
      if (!Array.isArray(value)) stack.push({ value: step.slice(1), where: `a key in ${where}`, depth: depth + 1 });
    }
  }
  return undefined;
}

function badString(value: string, where: string): Finding | undefined {
  if (value.includes("\u0000")) return { where, what: "a NUL character (\\u0000)" };
  if (LONE_SURROGATE.test(value)) return { where, what: "an unpaired UTF-16 surrogate" };
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
