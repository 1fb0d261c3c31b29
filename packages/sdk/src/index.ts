export { createClient, type RequestMethod, type SolegraphClient } from "./client.ts";
export { createTransport, execute, type OperationArgs, type TypedStringDocument } from "./execute.ts";
export type { Transport, GraphQLRequest } from "./http-transport.ts";
export {
  SolegraphError,
  type SolegraphErrorDetails,
  type SolegraphErrorKind,
  type SolegraphErrorResponse,
} from "./error.ts";
export type { ClientOptions, Fetch, FetchInit, FetchResponse, HeaderMap, HeadersOption, RequestOptions } from "./options.ts";
export type { OperationMethods, OperationName, PayloadOf, VariablesFor } from "./operations.ts";
export type { NodeOf, PaginatedOperationName, PaginateOptions, PaginateVariables, Paginators } from "./paginate.ts";
export { COUNTRY_CODES, type CountryCode } from "./country-code.ts";
// The SDK's documents (typed strings with their persisted hash), fragments and operation
// types. As document nodes, for Apollo Client, urql and others: `@solegraph/sdk/documents`.
export * from "./generated/trusted/graphql.ts";
