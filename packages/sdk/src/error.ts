import type { GraphQLFormattedError } from "graphql";

/**
 * What went wrong:
 * - `graphql`: the server answered with GraphQL errors (invalid query, bad input, ...);
 * - `http`: a non-2xx response without GraphQL errors (404, 502 from a proxy, ...);
 * - `network`: no response at all (connection refused, DNS, TLS, reset);
 * - `invalid-response`: a response that is not a GraphQL JSON body, or pagination that
 *   does not advance.
 */
export type SolegraphErrorKind = "graphql" | "http" | "network" | "invalid-response";

/** The response an error came with, as received. */
export interface SolegraphErrorResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string | null;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;
}

export interface SolegraphErrorDetails {
  readonly kind: SolegraphErrorKind;
  readonly message: string;
  readonly errors?: readonly GraphQLFormattedError[] | undefined;
  readonly response?: SolegraphErrorResponse | undefined;
  readonly data?: unknown;
  readonly cause?: unknown;
}

// A registered symbol survives the dual-package hazard: an error thrown by the CJS build
// is still recognised by `SolegraphError.is` imported from the ESM build.
const brand = Symbol.for("@solegraph/sdk/SolegraphError");

/** Every failure of a solegraph request: GraphQL errors, HTTP errors and network errors. */
export class SolegraphError extends Error {
  override readonly name = "SolegraphError";
  readonly kind: SolegraphErrorKind;
  /** The HTTP status; undefined when no response arrived. */
  readonly status: number | undefined;
  /** The GraphQL errors of the response; empty when it had none. */
  readonly errors: readonly GraphQLFormattedError[];
  /** The response as received; undefined when none arrived. */
  readonly response: SolegraphErrorResponse | undefined;
  /** Partial data the server returned next to its errors, if any. */
  readonly data: unknown;

  constructor(details: SolegraphErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.errors = details.errors ?? [];
    this.response = details.response;
    this.status = details.response?.status;
    this.data = details.data;
    Object.defineProperty(this, brand, { value: true });
  }

  /** The first GraphQL error's `extensions.code`, e.g. "BAD_USER_INPUT". */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.["code"];
    return typeof code === "string" ? code : undefined;
  }

  /** Like `instanceof`, but also true for errors from another copy of the SDK (ESM vs CJS). */
  static is(value: unknown): value is SolegraphError {
    return typeof value === "object" && value !== null && brand in value;
  }
}
