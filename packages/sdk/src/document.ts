import { Kind, print, type DocumentNode } from "graphql";

/** A GraphQL document: a parsed/typed document node or the query text itself. */
export type Document = DocumentNode | string;

const printed = new WeakMap<DocumentNode, string>();

/** The text sent to the server; each document node is printed once. */
export function documentText(document: Document): string {
  if (typeof document === "string") return document;
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/**
 * The name of the document's only operation: sent along so server logs and traces name
 * the operation. Text documents are not parsed, so they send none.
 */
export function operationNameOf(document: Document): string | undefined {
  if (typeof document === "string") return undefined;
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 ? operations[0]?.name?.value : undefined;
}
