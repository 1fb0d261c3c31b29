import { SolegraphError } from "./error.ts";
import type { OperationMethods, OperationName, PayloadOf, VariablesFor } from "./operations.ts";
import type { RequestOptions } from "./options.ts";

/** The Relay connection shape `paginate` relies on. */
interface Connection<Node> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: ReadonlyArray<{ readonly node: Node }>;
}

/** Methods that return a connection and page forward with `first`/`after`. */
type ConnectionOperationName = {
  [Name in OperationName]: PayloadOf<Name> extends Connection<unknown>
    ? "after" extends keyof VariablesFor<Name>
      ? Name
      : never
    : never;
}[OperationName];

/** The connections `paginate` walks (a wrong entry fails to type-check). */
export const paginatedOperations = [
  "brands",
  "models",
  "factories",
  "processSteps",
  "materials",
  "sources",
  "claims",
  "supplierGroups",
  "changes",
] as const satisfies readonly ConnectionOperationName[];

export type PaginatedOperationName = (typeof paginatedOperations)[number];

type PageArgument = "first" | "after" | "last" | "before";

/** A connection method's variables without the page arguments, which `paginate` drives. */
export type PaginateVariables<Name extends PaginatedOperationName> = Omit<VariablesFor<Name>, PageArgument>;

export type NodeOf<Name extends PaginatedOperationName> = PayloadOf<Name> extends Connection<infer Node> ? Node : never;

export interface PaginateOptions extends RequestOptions {
  /** Nodes fetched per request; the server's default page size when left out. */
  readonly pageSize?: number | undefined;
}

export type Paginators = {
  readonly [Name in PaginatedOperationName]: (
    variables?: PaginateVariables<Name>,
    options?: PaginateOptions,
  ) => AsyncGenerator<NodeOf<Name>, void, undefined>;
};

type FetchPage<Node> = (page: { first?: number; after?: string }) => Promise<Connection<Node>>;

/**
 * Yields every node of a connection, fetching the next page only when the consumer
 * asks for more, following pageInfo.endCursor while hasNextPage.
 */
export async function* walkConnection<Node>(fetchPage: FetchPage<Node>, pageSize: number | undefined): AsyncGenerator<Node, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const { pageInfo, edges } = await fetchPage({
      ...(pageSize === undefined ? {} : { first: pageSize }),
      ...(after === undefined ? {} : { after }),
    });
    for (const edge of edges) yield edge.node;
    if (!pageInfo.hasNextPage || pageInfo.endCursor === null) return;
    // A cursor that does not move would loop forever; fail loudly instead.
    if (pageInfo.endCursor === after) {
      throw new SolegraphError({
        kind: "invalid-response",
        message: `Pagination did not advance: hasNextPage with the same endCursor ${JSON.stringify(after)}`,
      });
    }
    after = pageInfo.endCursor;
  }
}

export function createPaginators(methods: OperationMethods): Paginators {
  const paginator =
    (name: PaginatedOperationName) =>
    (variables: object = {}, { pageSize, ...requestOptions }: PaginateOptions = {}) =>
      walkConnection<unknown>((page) => methods[name]({ ...variables, ...page }, requestOptions), pageSize);
  // Object.fromEntries cannot carry the per-name types; the Paginators type states them.
  return Object.fromEntries(paginatedOperations.map((name) => [name, paginator(name)])) as unknown as Paginators;
}
