import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** Minified, tree-shaken ESM for browsers, as an app's bundler makes it. */
async function bundle(fixture: string): Promise<{ bytes: number; gzip: number; text: string }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`fixtures/${fixture}`, import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    // graphql is a peer dependency: were it bundled, the size would say so.
    logLevel: "silent",
  });
  const text = result.outputFiles[0]!.text;
  return { bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, text };
}

describe("tree-shaking", () => {
  it("bundles an app that uses one operation in at most 12 KB minified", async () => {
    const one = await bundle("one-operation-app.ts");
    const whole = await bundle("whole-client-app.ts");
    console.info(`one operation: ${one.bytes} B (${one.gzip} B gzip); whole client: ${whole.bytes} B (${whole.gzip} B gzip)`);
    expect(one.bytes).toBeLessThanOrEqual(12 * 1024);
    // Only that operation's document: no other operation, no GraphQL printer or parser.
    expect(one.text).toContain("query Model(");
    expect(one.text).not.toContain("query Brand(");
    expect(one.text).not.toContain("mutation ");
    expect(one.text).not.toMatch(/Unexpected character|Syntax Error/);
    expect(whole.bytes).toBeGreaterThan(one.bytes * 3);
  });
});
