import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";

/**
 * An uploaded file that lives on disk, read as a stream when the resolver reads it:
 * the upload is never held whole in memory. It has the part of the WHATWG File the
 * `File` scalar and the importer use (`stream()`, name, type, size).
 */
export class DiskFile {
  readonly size: number;
  constructor(
    readonly path: string,
    readonly name: string,
    readonly type: string,
  ) {
    this.size = statSync(path).size;
  }

  stream(): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(this.path)) as ReadableStream<Uint8Array>;
  }
}

/** A file value in variables (ours, or a WHATWG Blob/File): walks over variables never look inside one. */
export function isFileValue(value: unknown): boolean {
  return value instanceof DiskFile || (typeof Blob !== "undefined" && value instanceof Blob) || (typeof value === "object" && value !== null && typeof (value as { stream?: unknown }).stream === "function");
}
