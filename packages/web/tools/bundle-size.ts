import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

export interface FileSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface BundleSize {
  /** What a cold load of any page fetches before it runs: index.html and what it names. */
  readonly firstLoad: readonly FileSize[];
  /** Fetched later, only by the pages that need them (the map's code and data). */
  readonly onDemand: readonly FileSize[];
  readonly firstLoadTotal: Omit<FileSize, "file">;
}

/**
 * The sizes of a build (dist/ by default): raw, and as the server sends them (it
 * compresses answers above 1 KB with brotli or gzip, whichever the browser takes).
 */
export function bundleSize(dist: string): BundleSize {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const named = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]));
  const assets = fs.readdirSync(path.join(dist, "assets")).map((name) => `assets/${name}`);
  const sizeOf = (file: string): FileSize => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
  };
  const firstLoad = [sizeOf("index.html"), ...assets.filter((file) => named.has(file)).map(sizeOf)];
  const sum = (key: "raw" | "gzip" | "brotli") => firstLoad.reduce((total, file) => total + file[key], 0);
  return {
    firstLoad,
    onDemand: assets.filter((file) => !named.has(file)).map(sizeOf),
    firstLoadTotal: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") },
  };
}

/** A table for a terminal or the README. */
export function formatBundleSize({ firstLoad, onDemand, firstLoadTotal }: BundleSize): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const row = ({ file, raw, gzip, brotli }: FileSize) => `  ${file.padEnd(40)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} ${kb(brotli).padStart(10)}`;
  return [
    `  ${"first load".padEnd(40)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`,
    ...firstLoad.map(row),
    row({ file: "total", ...firstLoadTotal }),
    "  on demand (map pages)",
    ...onDemand.map(row),
  ].join("\n");
}
