import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { documentHash, operationNameOf, type Document } from "./document.ts";
import { createHttpTransport } from "./http-transport.ts";
import type { TypedStringDocument } from "./execute.ts";
import { documentText } from "./print-document.ts";
import { operations, type OperationArgs, type OperationMethods } from "./operations.ts";
import type { ClientOptions, RequestOptions } from "./options.ts";
import { createPaginators, type Paginators } from "./paginate.ts";

/** Runs any document: your own typed documents, or query text. Resolves to `data`. */
export interface RequestMethod {
  <Result, Variables>(document: TypedStringDocument<Result, Variables>, ...args: OperationArgs<Variables>): Promise<Result>;
  <Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...args: OperationArgs<Variables>): Promise<Result>;
  <Result = Record<string, unknown>>(
    document: string,
    variables?: Readonly<Record<string, unknown>>,
    options?: RequestOptions,
  ): Promise<Result>;
}

export interface SolegraphClient extends OperationMethods {
  readonly request: RequestMethod;
  /** Async generators over whole connections, e.g. `for await (const f of sg.paginate.factories())`. */
  readonly paginate: Paginators;
}

/**
 * A client for a solegraph server. Every method sends one request and resolves to the
 * root field's value; every failure rejects with a SolegraphError.
 */
export function createClient(options: ClientOptions): SolegraphClient {
  const transport = createHttpTransport(options);
  const run = (document: Document, variables?: Readonly<Record<string, unknown>>, requestOptions?: RequestOptions) =>
    transport({ query: documentText(document), variables, operationName: operationNameOf(document), hash: documentHash(document) }, requestOptions);
  // The overloads state what `run` resolves to; at run time it is whatever `data` held.
  const request = run as RequestMethod;
  const methods = Object.fromEntries(
    Object.entries(operations).map(([name, document]) => [
      name,
      async (variables?: Readonly<Record<string, unknown>>, requestOptions?: RequestOptions) => {
        const data = (await run(document, variables, requestOptions)) as Record<string, unknown>;
        return data[name];
      },
    ]),
  ) as unknown as OperationMethods;
  return { ...methods, request, paginate: createPaginators(methods) };
}
