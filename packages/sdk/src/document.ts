import type { DocumentNode } from "graphql";

/**
 * A GraphQL document: the SDK's own documents are strings carrying their SHA-256 hash
 * (`TypedDocumentString`, generated/trusted), others may be query text or a parsed
 * document node (e.g. from `@solegraph/sdk/documents` or your own `gql`).
 */
export type Document = string | DocumentString | DocumentNode;

/** A string document with codegen's metadata (`__meta__.hash` = "sha256:<hex>"). */
export interface DocumentString {
  toString(): string;
  readonly __meta__?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The text sent to the server, for string documents. Document nodes go through
 * print-document.ts (graphql-js's printer), which only `createClient().request` loads:
 * apps that use the SDK's string documents never bundle the printer.
 */
export function stringText(document: string | DocumentString): string {
  return typeof document === "string" ? document : document.toString();
}

/** The document's persisted hash (hex), when codegen gave it one. */
export function documentHash(document: Document): string | undefined {
  if (typeof document === "string" || isDocumentNode(document)) return undefined;
  const hash = document.__meta__?.["hash"];
  return typeof hash === "string" ? hash.replace(/^sha256:/, "") : undefined;
}

const OPERATION_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m;

/**
 * The name of the document's operation, sent along so server logs and traces name it.
 * Read from the text's first operation (documents here hold one operation each).
 */
export function operationNameOf(document: Document): string | undefined {
  if (isDocumentNode(document)) {
    const operations = document.definitions.filter((definition) => definition.kind === "OperationDefinition");
    return operations.length === 1 ? operations[0]?.name?.value : undefined;
  }
  return OPERATION_NAME.exec(document.toString())?.[1];
}

export function isDocumentNode(document: Document): document is DocumentNode {
  return typeof document === "object" && (document as { kind?: unknown }).kind === "Document";
}
