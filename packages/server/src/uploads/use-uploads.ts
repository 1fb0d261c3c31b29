import type { PrismaClient } from "@solegraph/db";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { authenticate } from "../auth/authentication.ts";
import { hasScopeNamed, lacksScopeMessage, unauthenticatedError } from "../auth/scopes.ts";
import { discard, parseMultipart } from "./parse-multipart.ts";
import type { UploadLimits } from "./upload-limits.ts";

/** The scope the only mutation that takes a file (`importFacilityList`) needs. */
const UPLOAD_SCOPE = "curate";

/**
 * Who before what: a multipart request (a file upload) is answered 401 or 403 from its
 * headers, before a byte of its body is read, unless its token may upload at all; then
 * its body is parsed as a stream within the upload limits (parse-multipart.ts), the
 * file kept on disk and removed once the request is answered.
 */
export function useUploads(prisma: PrismaClient, limits: UploadLimits): Plugin {
  const folders = new WeakMap<Request, string>();
  return {
    async onRequestParse({ request, setRequestParser }) {
      const contentType = request.headers.get("content-type") ?? "";
      if (request.method !== "POST" || !contentType.toLowerCase().startsWith("multipart/form-data")) return;
      const authentication = await authenticate(prisma, request.headers.get("authorization"));
      if (authentication.kind !== "token") throw unauthenticatedError(authentication);
      if (!hasScopeNamed(authentication, UPLOAD_SCOPE)) {
        throw new GraphQLError(lacksScopeMessage(authentication, UPLOAD_SCOPE), { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
      }
      setRequestParser(async (parsed) => {
        if (!parsed.body) throw new GraphQLError("The multipart request has no body.", { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
        const upload = await parseMultipart(parsed.body, contentType, limits);
        folders.set(request, upload.folder);
        return upload.params;
      });
    },
    onResponse({ request }) {
      const folder = folders.get(request);
      if (folder === undefined) return;
      folders.delete(request);
      void discard(folder);
    },
  };
}
