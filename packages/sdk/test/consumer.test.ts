import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { build as viteBuild, type Rollup } from "vite";
import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The SDK as a consumer gets it: `npm pack`ed, installed alone into a scratch project
// outside the workspace, type-checked by a strict tsc and run against a real server.
const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = fileURLToPath(new URL("../../..", import.meta.url));
const fixtureDir = fileURLToPath(new URL("fixtures/consumer", import.meta.url));
const bundleFixtureDir = fileURLToPath(new URL("fixtures/bundle", import.meta.url));

// Run from `npm test -w ...`, the environment carries npm_config_* settings of the
// workspace (workspace filters, prefixes) that would redirect the scratch installs.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_")));

// Child processes must not block this process: the test server answers from its event loop.
async function sh(command: string, args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run(command, args, { cwd, env: cleanEnv, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

let server: TestServer;
let workDir: string;
let scratch: string;
let tarball: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "solegraph-sdk-consumer-"));
  const packDir = join(workDir, "pack");
  scratch = join(workDir, "app");
  await mkdir(packDir);
  // The tarball must hold today's build. `npm pack` would rebuild dist/ (its `prepack`,
  // 12 s of tsup); turbo's build task does it only when a source changed: under `npm test`
  // it has just run, so this is a cache hit, and run alone the file still packs a fresh build.
  const pack = async () => {
    await sh("npx", ["turbo", "run", "build", "--filter=@solegraph/sdk", "--output-logs=errors-only"], repoDir);
    await sh("npm", ["pack", "--ignore-scripts", "--pack-destination", packDir], sdkDir);
  };
  const [started] = await Promise.all([startTestServer(), pack()]);
  server = started;
  const [file] = (await readdir(packDir)).filter((name) => name.endsWith(".tgz"));
  if (!file) throw new Error(`npm pack wrote no tarball into ${packDir}`);
  tarball = join(packDir, file);
  await cp(fixtureDir, scratch, { recursive: true });
  await cp(bundleFixtureDir, join(scratch, "bundle"), { recursive: true });
  await writeFile(join(scratch, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  await writeFile(join(scratch, "src", "server.ts"), `export const url = ${JSON.stringify(server.url)};\n`);
  await sh("npm", ["install", tarball, "typescript@5.9.3", "graphql@16.15.0", "--no-audit", "--no-fund", "--prefer-offline"], scratch);
});

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("the published package", () => {
  it("ships only the builds, types, README and LICENSE (and the changelog once there is one)", async () => {
    const listing = await sh("tar", ["-tzf", tarball], workDir);
    const files = listing.trim().split("\n").filter((file) => file !== "package/CHANGELOG.md");
    // The two entries in both module systems with their types (tsup may add a shared
    // declaration chunk), the persisted-documents manifest, and nothing else.
    const entries = ["index", "documents"].flatMap((entry) => ["cjs", "d.cts", "d.ts", "js"].map((ext) => `package/dist/${entry}.${ext}`));
    expect(files).toEqual(expect.arrayContaining([...entries, "package/dist/persisted-documents.json", "package/LICENSE", "package/README.md", "package/package.json"]));
    const others = files.filter((file) => !entries.includes(file) && !["package/dist/persisted-documents.json", "package/LICENSE", "package/README.md", "package/package.json"].includes(file));
    expect(others.every((file) => /^package\/dist\/[\w-]+\.d\.c?ts$/.test(file)), others.join(", ")).toBe(true);
    const { size } = await stat(tarball);
    console.info(`tarball ${tarball.split("/").pop()}: ${(size / 1024).toFixed(1)} kB`);
    expect(size).toBeLessThan(150 * 1024);
  });

  it("type-checks a strict TypeScript consumer, including the expected type errors", async () => {
    // The fixture's expected type errors are part of the check: an expectation that stops
    // failing fails the compile ("Unused '@ts-expect-error' directive").
    await expect(sh("node", ["node_modules/typescript/bin/tsc", "-p", "."], scratch)).resolves.toBe("");
  });

  it("runs every method from the ESM build against the server", async () => {
    const output = await sh("node", ["dist/consumer.js"], scratch);
    expect(JSON.parse(output)).toEqual({
      verdict: "YES",
      usaFactories: ["New Balance Lawrence"],
      madeInUk: { verdict: "NO", factories: ["nb-flimby"] },
      brand: { name: "New Balance", models: 3, modelsTotal: 10 },
      brands: 5,
      usaModels: 4,
      factory: "Flimby",
      usFactories: ["nb-lawrence", "nb-londonderry", "nb-methuen", "nb-norridgewock", "nb-norway", "nb-skowhegan"],
      operating: 4,
      steps: ["design", "sourcing", "cutting", "stitching", "lasting", "heat-welding", "finishing", "testing", "packaging"],
      step: 5,
      materials: 5,
      source: "Highsnobiety",
      sources: { page: 2, total: 41, hasNextPage: true },
      firstHit: "Fresh Foam Hierro v5",
      firstMatch: "PARTIAL",
      node: "SneakerModel",
      nodes: ["Factory", null],
      own: "NO",
      text: 5,
      walked: expect.arrayContaining(["nb-flimby", "nb-lawrence", "nb-skowhegan"]),
      errorCode: "BAD_USER_INPUT",
    });
    expect(JSON.parse(output).walked).toHaveLength(7);
  });

  it("works through require() from the CommonJS build", async () => {
    const output = await sh("node", ["require-check.cjs", server.url], scratch);
    const result = JSON.parse(output);
    expect(result.steps).toBe(9);
    expect(result.entry).toMatch(/node_modules\/@solegraph\/sdk\/dist\/index\.cjs$/);
  });
});

/** One app's bundle: its minified bytes, gzipped bytes and text. */
interface Bundle {
  readonly bytes: number;
  readonly gzip: number;
  readonly text: string;
}

const measured = (text: string): Bundle => ({ bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, text });

/** esbuild as an app's build runs it: minified, tree-shaken ESM for browsers. */
async function withEsbuild(entry: string): Promise<Bundle> {
  const result = await esbuild({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
  return measured(result.outputFiles.map((file) => file.text).join(""));
}

/** Vite's production build (its bundler, Rolldown since Vite 8), all chunks counted. */
async function withVite(entry: string, root: string): Promise<Bundle> {
  const output = (await viteBuild({
    root,
    configFile: false,
    logLevel: "silent",
    build: { write: false, minify: true, target: "es2022", rollupOptions: { input: entry } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  return measured(outputs.flatMap((o) => o.output).map((file) => (file.type === "chunk" ? file.code : "")).join(""));
}

// Sizes of the package as published: apps bundle the tarball's dist/, not our sources, so
// a top-level call in dist/ without a pure annotation would keep every document alive.
describe("bundled from the published package", () => {
  const ONE_OPERATION_LIMIT = 12 * 1024;
  const describeSize = (b: Bundle) => `${(b.bytes / 1024).toFixed(1)} KB (${(b.gzip / 1024).toFixed(1)} KB gzip)`;

  for (const [bundler, bundle] of [
    ["esbuild", (entry: string) => withEsbuild(entry)],
    ["Vite", (entry: string) => withVite(entry, join(scratch, "bundle"))],
  ] as const) {
    it(`${bundler}: the README's one-operation example bundles in at most 12 KB minified; the whole client is reported beside it`, async () => {
      const one = await bundle(join(scratch, "bundle", "one-operation-app.ts"));
      const whole = await bundle(join(scratch, "bundle", "whole-client-app.ts"));
      console.info(`${bundler}, from the packed SDK: one operation ${describeSize(one)}; whole client ${describeSize(whole)}`);
      expect(one.bytes).toBeLessThanOrEqual(ONE_OPERATION_LIMIT);
      // Only that operation's document: no other operation, no GraphQL printer or parser.
      expect(one.text).toContain("query Model(");
      expect(one.text).not.toContain("query Brand(");
      expect(one.text).not.toContain("mutation ");
      expect(one.text).not.toMatch(/Unexpected character|Syntax Error/);
      expect(whole.text).toContain("query Brand(");
      expect(whole.bytes).toBeGreaterThan(one.bytes * 3);
    });
  }
});
