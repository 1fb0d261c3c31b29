import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/** A query's body must have arrived this long after its headers (README: "Limits"); uploads have Node's requestTimeout (server.ts). */
export const BODY_TIMEOUT_MS = 10_000;

/** Boundaries and part headers of a multipart body, beyond its fields and file. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

/**
 * Request body limits by kind: GraphQL requests (JSON, GraphQL over HTTP) stay small,
 * file uploads (multipart, `importFacilityList`) may be as large as a facility list.
 * graphql-yoga's own limit is one number for both, so it is off and this replaces it,
 * the same way: a Content-Length above the limit is refused at once, and bodies
 * without one (chunked) are counted as they arrive, both with HTTP 413. A query's body
 * is on a clock: not all there within BODY_TIMEOUT_MS, it is answered 408. Refusals
 * close the connection after the answer; the body is not cancelled first (that would
 * reset the connection before the answer is written).
 */
export function useBodyLimit(limits: { readonly maxBodyBytes: number; readonly maxUploadBytes: number; readonly maxFieldBytes: number }, bodyTimeoutMs = BODY_TIMEOUT_MS): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
      // A multipart body holds the file and its two fields.
      const limit = multipart ? limits.maxUploadBytes + 2 * limits.maxFieldBytes + MULTIPART_OVERHEAD_BYTES : limits.maxBodyBytes;
      const contentLength = request.headers.get("content-length");
      if (contentLength !== null) {
        // One non-negative integer, nothing else (comma-joined values smuggle requests).
        if (!/^\d+$/.test(contentLength)) throw new GraphQLError("Content-Length header is invalid.", { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
        if (Number(contentLength) > limit) throw tooLarge(limit, multipart);
      }
      // Chunked uploads are limited part by part as they are parsed (uploads/parse-multipart.ts).
      if (!requestParser || !request.body || multipart) return;
      const parse = requestParser;
      setRequestParser((original) => {
        const counted = limitedBody(original.body!, limit, bodyTimeoutMs);
        return parse(new fetchAPI.Request(original.url, { method: original.method, headers: original.headers, signal: original.signal, body: counted, duplex: "half" } as RequestInit));
      });
    },
  };
}

/** The body as it arrives, failing at `limit` bytes (413) or after `timeoutMs` (408), without cancelling the source. */
function limitedBody(body: ReadableStream<Uint8Array>, limit: number, timeoutMs: number): ReadableStream<Uint8Array> {
  const source = body.getReader();
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const end = (controller: ReadableStreamDefaultController<Uint8Array>, error?: GraphQLError) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    if (error) {
      controller.error(error);
      try {
        source.releaseLock();
      } catch {
        // a read is still pending: it is left to settle
      }
    } else controller.close();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(() => end(controller, timedOut(timeoutMs)), timeoutMs);
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await source.read();
      } catch (error) {
        if (!ended) {
          ended = true;
          clearTimeout(timer);
          controller.error(error);
        }
        return;
      }
      if (ended) return;
      if (chunk.done) return end(controller);
      bytes += chunk.value.byteLength;
      if (bytes > limit) return end(controller, tooLarge(limit, false));
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      ended = true;
      clearTimeout(timer);
      return source.cancel(reason);
    },
  });
}

function tooLarge(limit: number, multipart: boolean): GraphQLError {
  return new GraphQLError(multipart ? `Uploads are limited to ${limit} bytes.` : "Request body too large", {
    extensions: { code: "REQUEST_ENTITY_TOO_LARGE", http: { status: 413, headers: { connection: "close" } } },
  });
}

function timedOut(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The request body did not arrive within ${timeoutMs / 1000} s.`, {
    extensions: { code: "REQUEST_TIMEOUT", http: { status: 408, headers: { connection: "close" } } },
  });
}
