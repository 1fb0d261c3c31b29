import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import { documentHash, operationNameOf, stringText, type DocumentString } from "./document.ts";
import { createHttpTransport, type Transport } from "./http-transport.ts";
import type { ClientOptions, RequestOptions } from "./options.ts";

/** Variables, then per-request options; variables may be left out when none is required. */
export type OperationArgs<Variables> = {} extends Variables
  ? [variables?: Variables, options?: RequestOptions]
  : [variables: Variables, options?: RequestOptions];

/** A typed string document: the SDK's own (`BrandDocument`, ...) or any TypedDocumentString. */
export type TypedStringDocument<Result, Variables> = DocumentString & DocumentTypeDecoration<Result, Variables>;

/** Sends requests for `execute`: one per endpoint, shared by every operation. */
export function createTransport(options: ClientOptions): Transport {
  return createHttpTransport(options);
}

/**
 * Runs one typed document and resolves to its `data`, or rejects with a SolegraphError.
 * The tree-shakeable way in: an app that imports `execute` and two documents bundles
 * those two and the transport, nothing else.
 *
 *     const transport = createTransport({ url: "/graphql", documents: "hash" });
 *     const { model } = await execute(transport, ModelDocument, { slug: "990v5" });
 */
export async function execute<Result, Variables>(
  transport: Transport,
  document: TypedStringDocument<Result, Variables>,
  ...[variables, options]: OperationArgs<Variables>
): Promise<Result> {
  const request = {
    query: stringText(document),
    variables: variables as Readonly<Record<string, unknown>> | undefined,
    operationName: operationNameOf(document),
    hash: documentHash(document),
  };
  return (await transport(request, options)) as Result;
}
