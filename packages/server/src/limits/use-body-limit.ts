import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Request body limits by kind: GraphQL requests (JSON, GraphQL over HTTP) stay small,
 * file uploads (multipart, `importFacilityList`) may be as large as a facility list.
 * graphql-yoga's own limit is one number for both, so it is off and this replaces it,
 * the same way: a Content-Length above the limit is refused at once, and bodies
 * without one (chunked) are counted as they arrive, both with HTTP 413.
 */
/** Boundaries and part headers of a multipart body, beyond its fields and file. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

export function useBodyLimit(limits: { readonly maxBodyBytes: number; readonly maxUploadBytes: number; readonly maxFieldBytes: number }): Plugin {
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
      // Chunked uploads are limited part by part as they are parsed (uploads/parse-multipart.ts):
      // cutting the stream here would reset the connection before the 413 is written.
      if (!requestParser || !request.body || multipart) return;
      const parse = requestParser;
      setRequestParser((original) => {
        let bytes = 0;
        const counted = original.body!.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes > limit) controller.error(tooLarge(limit, multipart));
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(new fetchAPI.Request(original.url, { method: original.method, headers: original.headers, signal: original.signal, body: counted, duplex: "half" } as RequestInit));
      });
    },
  };
}

function tooLarge(limit: number, multipart: boolean): GraphQLError {
  return new GraphQLError(multipart ? `Uploads are limited to ${limit} bytes.` : "Request body too large", {
    extensions: { code: "REQUEST_ENTITY_TOO_LARGE", http: { status: 413 } },
  });
}
