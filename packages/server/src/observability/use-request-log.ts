import { randomUUID } from "node:crypto";
import { getOperationAST, GraphQLError, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { SERVED_FROM_CACHE } from "../fleet/use-response-cache.ts";
import type { Logger } from "./logger.ts";

/**
 * What the server learns about one request while answering it: the request log's
 * line, and the metrics, are written from it when the response leaves.
 */
export interface RequestTrace {
  /** The caller's `x-request-id` when it is a sensible one, else a new UUID; sent back on the response. */
  readonly id: string;
  readonly startedAt: number;
  operationName?: string | undefined;
  operationType?: string | undefined;
  /** Rows the read planner counted for the query (its cost; see read/execute.ts). */
  cost?: number | undefined;
  variables?: unknown;
  /** Whether the response cache answered (queries, when the cache is on). */
  cache?: "hit" | "miss" | undefined;
  readonly errorCodes: string[];
  /** Our own faults (masked to the client as INTERNAL_SERVER_ERROR), with their stacks. */
  readonly faults: Error[];
}

const traces = new WeakMap<Request, RequestTrace>();

/** The request's trace (a fresh one outside a traced request, e.g. an embedder's direct call). */
export function traceOf(request: Request): RequestTrace {
  let trace = traces.get(request);
  if (!trace) {
    trace = { id: requestId(request.headers.get("x-request-id")), startedAt: performance.now(), errorCodes: [], faults: [] };
    traces.set(request, trace);
  }
  return trace;
}

/** A caller's id is kept when it is short and plain (it goes into logs and headers). */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function requestId(given: string | null): string {
  return given !== null && ACCEPTED_ID.test(given) ? given : randomUUID();
}

export interface RequestLogOptions {
  readonly logger: Logger;
  /** Paths polled by machines (health checks, metrics, GraphiQL's files): logged at debug only. */
  readonly quietPaths: (path: string) => boolean;
  /** Called for every finished request (metrics count error codes from it). */
  readonly onFinished?: ((trace: RequestTrace, status: number) => void) | undefined;
  /** The response cache is on: lines say whether it answered. */
  readonly cacheEnabled?: boolean;
}

/**
 * One log line per request — method, path, status, duration, operation name and type,
 * error codes, cost; variables only at debug; never headers or tokens — and the
 * `x-request-id` response header that lets a client quote the line. The client's
 * mistakes are logged at info without stacks; our faults at error, with the stack of
 * each (the client saw only "Unexpected error." and the request id).
 */
export function useRequestLog({ logger, quietPaths, onFinished, cacheEnabled = false }: RequestLogOptions): Plugin {
  return {
    onRequest({ request }) {
      traceOf(request);
    },
    onParams({ request, params }) {
      const trace = traceOf(request);
      trace.operationName = params.operationName ?? undefined;
      if (logger.isLevelEnabled("debug")) trace.variables = params.variables;
    },
    onExecute({ args }) {
      const { request } = args.contextValue as { request: Request };
      const trace = traceOf(request);
      const operation = getOperationAST(args.document, args.operationName);
      trace.operationType = operation?.operation;
      trace.operationName ??= operation?.name?.value;
    },
    onResultProcess({ request, result }) {
      const trace = traceOf(request);
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      if (cacheEnabled && trace.operationType !== "mutation" && !request.headers.has("authorization")) {
        trace.cache = results.some((one) => (one as Record<symbol, unknown>)?.[SERVED_FROM_CACHE]) ? "hit" : "miss";
      }
      for (const one of results) {
        for (const error of one?.errors ?? []) {
          const code = typeof error.extensions?.["code"] === "string" ? (error.extensions["code"] as string) : "UNCLASSIFIED";
          trace.errorCodes.push(code);
          if (code === "INTERNAL_SERVER_ERROR") trace.faults.push(faultOf(error));
        }
      }
    },
    onResponse({ request, response }) {
      const trace = traceOf(request);
      // Set on every answer, also on ones a plugin ended early (e.g. 503 when shedding).
      response.headers.set("x-request-id", trace.id);
      const url = new URL(request.url);
      const durationMs = Math.round((performance.now() - trace.startedAt) * 100) / 100;
      const line = {
        requestId: trace.id,
        method: request.method,
        path: url.pathname,
        status: response.status,
        durationMs,
        ...(trace.operationName && { operationName: trace.operationName }),
        ...(trace.operationType && { operationType: trace.operationType }),
        ...(trace.cost !== undefined && { cost: trace.cost }),
        ...(trace.cache && { cache: trace.cache }),
        ...(trace.errorCodes.length > 0 && { errorCodes: [...new Set(trace.errorCodes)] }),
        ...(trace.variables !== undefined && { variables: trace.variables }),
      };
      onFinished?.(trace, response.status);
      if (trace.faults.length > 0 || response.status >= 500 && response.status !== 503) {
        for (const fault of trace.faults) logger.error({ requestId: trace.id, err: fault }, "our fault, masked to the client");
        logger.error(line, "request failed");
      } else if (response.status === 503) {
        logger.warn(line, "request refused: busy or not ready");
      } else if (quietPaths(url.pathname)) {
        logger.debug(line, "request");
      } else {
        logger.info(line, trace.errorCodes.length > 0 || response.status >= 400 ? "request refused" : "request");
      }
    },
  };
}

/** The original error behind a masked one (mask-error.ts keeps it), else the error itself. */
function faultOf(error: GraphQLError | { message: string }): Error {
  if (error instanceof GraphQLError && error.originalError) return error.originalError;
  return error instanceof Error ? error : new Error(error.message);
}
