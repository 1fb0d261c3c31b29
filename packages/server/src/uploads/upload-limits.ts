/**
 * What one multipart request (GraphQL multipart request spec: `operations`, `map`, then
 * the files) may hold. The only mutation that takes a file, `importFacilityList`, takes
 * one, at one variable path: anything more is refused before it is read.
 *
 * Memory: the two fields are held (each at most `maxFieldBytes`), the file goes to a
 * temporary file through a stream (one chunk of about 64 KiB in memory at a time), so
 * one upload costs at most 2 × maxFieldBytes + ~128 KiB of memory whatever its size
 * (README: "Failure modes").
 */
export interface UploadLimits {
  /** The file's size, in bytes (HTTP 413 beyond it). */
  readonly maxUploadBytes: number;
  /** Each of the `operations` and `map` fields, in bytes (HTTP 413 beyond it). */
  readonly maxFieldBytes: number;
  /** Files per request. */
  readonly maxFiles: number;
  /** Variable paths one file may be put at (`map`'s list for it). */
  readonly maxPathsPerFile: number;
}
