import type { Plugin } from "graphql-yoga";

/** Largest request body accepted, in bytes (README: "Limits"). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Refuses oversize request bodies before anything reads them: 413 when the declared
 * Content-Length is over the limit, 411 for a body sent without one (chunked), whose
 * size could only be learnt by reading it.
 */
export function useBodyLimit(maxBytes: number = MAX_BODY_BYTES): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "POST") return;
      const header = request.headers.get("content-length");
      const refuse = (status: number, code: string, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
            status,
            headers: { "content-type": "application/json; charset=utf-8" },
          }),
        );
      if (header === null) {
        refuse(411, "LENGTH_REQUIRED", "A request body needs a Content-Length header.");
      } else if (!/^\d+$/.test(header) || Number(header) > maxBytes) {
        refuse(413, "PAYLOAD_TOO_LARGE", `Request body too large: the limit is ${maxBytes} bytes.`);
      }
    },
  };
}
