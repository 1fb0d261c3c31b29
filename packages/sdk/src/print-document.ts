import { print, type DocumentNode } from "graphql";
import { isDocumentNode, stringText, type Document } from "./document.ts";

const printed = new WeakMap<DocumentNode, string>();

/** Any document's text; each document node is printed once. */
export function documentText(document: Document): string {
  if (!isDocumentNode(document)) return stringText(document);
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}
