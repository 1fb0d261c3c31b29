import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import Busboy from "@fastify/busboy";
import { GraphQLError } from "graphql";
import type { GraphQLParams } from "graphql-yoga";
import { DiskFile } from "./disk-file.ts";
import type { UploadLimits } from "./upload-limits.ts";

/** A parsed multipart request: its GraphQL params (files in place) and the folder its files are in. */
export interface ParsedUpload {
  readonly params: GraphQLParams;
  /** Removed once the request is answered (`discard`). */
  readonly folder: string;
}

/**
 * Parses a GraphQL multipart request as it streams in: the `operations` and `map`
 * fields first (bounded), then each file straight to a temporary folder, with every
 * limit applied while reading (busboy's), so an oversized or malformed request is
 * refused without being held. The map is checked before any file byte is read.
 */
export async function parseMultipart(body: ReadableStream<Uint8Array>, contentType: string, limits: UploadLimits): Promise<ParsedUpload> {
  const folder = await mkdtemp(path.join(tmpdir(), "solegraph-upload-"));
  try {
    return { params: await parseInto(folder, body, contentType, limits), folder };
  } catch (error) {
    await discard(folder);
    throw error;
  }
}

export async function discard(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

async function parseInto(folder: string, body: ReadableStream<Uint8Array>, contentType: string, limits: UploadLimits): Promise<GraphQLParams> {
  let busboy: ReturnType<typeof Busboy>;
  try {
    busboy = Busboy({
      headers: { "content-type": contentType },
      limits: { fieldSize: limits.maxFieldBytes, fields: 2, files: limits.maxFiles, fileSize: limits.maxUploadBytes, parts: 2 + limits.maxFiles, headerPairs: 20 },
    });
  } catch (error) {
    throw badRequest(`The multipart request cannot be read: ${(error as Error).message}.`);
  }
  let operations: Record<string, unknown> | undefined;
  let map: Map<string, string[]> | undefined;
  const files = new Map<string, DiskFile>();
  const writes: Promise<void>[] = [];
  const parts: { destroy(): void }[] = [];
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
  };

  busboy.on("field", (name, value, _nameTruncated, valueTruncated) => {
    if (failure) return;
    if (valueTruncated) return fail(tooLarge(`The multipart field "${name}" is limited to ${limits.maxFieldBytes} bytes.`));
    if (name === "operations" && operations === undefined) operations = parseJsonObject(value, name, fail);
    else if (name === "map" && operations !== undefined && map === undefined) map = parseMap(value, limits, fail);
    else fail(badRequest(`Unexpected multipart field "${name}": the request must send "operations", then "map", then the files.`));
  });
  busboy.on("file", (name, stream, filename, _encoding, mimeType) => {
    const target = map?.get(name);
    if (failure || target === undefined) {
      if (!failure) fail(badRequest(`The multipart file "${name}" comes before "operations" and "map", or is not in "map".`));
      stream.resume();
      return;
    }
    const file = path.join(folder, `file-${parts.length}`);
    parts.push(stream);
    stream.on("limit", () => fail(tooLarge(`Uploads are limited to ${limits.maxUploadBytes} bytes.`)));
    writes.push(
      pipeline(stream, createWriteStream(file)).then(
        () => void files.set(name, new DiskFile(file, filename, mimeType)),
        (error: unknown) => fail(error),
      ),
    );
  });
  busboy.on("partsLimit", () => fail(tooLarge(`A multipart request holds "operations", "map" and at most ${limits.maxFiles} file(s).`)));
  busboy.on("filesLimit", () => fail(tooLarge(`A multipart request holds at most ${limits.maxFiles} file(s).`)));
  busboy.on("fieldsLimit", () => fail(badRequest(`A multipart request holds two fields, "operations" and "map".`)));

  const finished = new Promise<void>((resolve, reject) => {
    busboy.once("finish", resolve);
    busboy.once("error", reject);
  });
  const reader = body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (failure) break;
      if (!busboy.write(chunk.value)) await new Promise((resolve) => busboy.once("drain", resolve));
    }
  } catch (error) {
    // The body limit or the body's clock (use-body-limit.ts) ended the stream.
    fail(error);
  }
  if (failure) {
    busboy.destroy();
    for (const part of parts) part.destroy();
    // Not cancelled: cancelling destroys the socket before the refusal is written (the
    // client would see a reset, not the 413); Node discards the rest after the answer.
    reader.releaseLock();
    await Promise.allSettled(writes);
    throw failure;
  }
  busboy.end();
  try {
    await finished;
  } catch (error) {
    throw badRequest(`The multipart request cannot be read: ${(error as Error).message}.`);
  }
  await Promise.all(writes);
  if (failure) throw failure;
  if (operations === undefined) throw badRequest('Missing multipart field "operations".');
  for (const [name, paths] of map ?? []) {
    const file = files.get(name);
    if (!file) throw badRequest(`The multipart file "${name}" named in "map" was not sent.`);
    for (const at of paths) setAtPath(operations, at, file);
  }
  return operations as GraphQLParams;
}

function parseJsonObject(value: string, name: string, fail: (error: unknown) => void): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  fail(badRequest(`The multipart field "${name}" must be a JSON object.`));
  return undefined;
}

/** `map`: file part name → the variable paths it goes to, bounded per file and in all. */
function parseMap(value: string, limits: UploadLimits, fail: (error: unknown) => void): Map<string, string[]> | undefined {
  const parsed = parseJsonObject(value, "map", fail);
  if (!parsed) return undefined;
  const entries = Object.entries(parsed);
  if (entries.length > limits.maxFiles) {
    fail(tooLarge(`"map" names ${entries.length} files; a request holds at most ${limits.maxFiles}.`));
    return undefined;
  }
  const map = new Map<string, string[]>();
  for (const [name, paths] of entries) {
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p): p is string => typeof p === "string" && p.startsWith("variables."))) {
      fail(badRequest(`"map" must give each file a list of variable paths ("variables.…").`));
      return undefined;
    }
    if (paths.length > limits.maxPathsPerFile) {
      fail(badRequest(`"map" puts the file "${name}" at ${paths.length} paths; at most ${limits.maxPathsPerFile} per file.`));
      return undefined;
    }
    map.set(name, paths);
  }
  return map;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function setAtPath(target: Record<string, unknown>, at: string, value: unknown): void {
  const keys = at.split(".");
  let current: Record<string, unknown> = target;
  for (const [i, key] of keys.entries()) {
    if (FORBIDDEN_KEYS.has(key)) throw badRequest(`"map" names an invalid path: ${at}.`);
    if (i === keys.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (next === null || typeof next !== "object") current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
}

function tooLarge(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "REQUEST_ENTITY_TOO_LARGE", http: { status: 413 } } });
}
