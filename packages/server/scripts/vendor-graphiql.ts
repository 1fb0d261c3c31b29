/**
 * Copies GraphiQL's built files from the @graphql-yoga/graphiql package into
 * vendor/graphiql/, with a manifest of their hashes.
 *
 * Why vendored: the package's dist/ is a self-contained build (React, GraphiQL and the
 * Monaco editor in one UMD file plus three editor workers), but installing the package
 * also installs the whole source tree it was built from — monaco-editor, react-aria,
 * graphiql, a second graphql — about 200 MB of node_modules and the only packages that
 * warned about Node 20. The server needs the 9 MB of built files, nothing else.
 *
 * Usage: npm run vendor:graphiql -w @solegraph/server [-- --version 4.5.0]
 * It downloads the package's tarball with `npm pack` (npm checks its integrity against
 * the registry), extracts the files, and rewrites vendor/graphiql/manifest.json; a test
 * (graphiql-assets.test.ts) checks the committed files still match the manifest.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { GRAPHIQL_FILES, VENDOR_DIR } from "../src/http/graphiql-files.ts";

const USAGE = `Usage: npm run vendor:graphiql -w @solegraph/server [-- --version X.Y.Z]

Replaces packages/server/vendor/graphiql/ with the built files of @graphql-yoga/graphiql
(default: the version in the current manifest), downloaded with npm pack.`;

const { values } = parseArgs({ options: { version: { type: "string" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const manifestPath = path.join(VENDOR_DIR, "manifest.json");
const current = fs.existsSync(manifestPath) ? (JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { version: string }) : undefined;
const version = values.version ?? current?.version;
if (!version) {
  console.error(`No version given and no manifest at ${manifestPath}.\n\n${USAGE}`);
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-graphiql-"));
try {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", `@graphql-yoga/graphiql@${version}`, "--json", "--pack-destination", work], { encoding: "utf8" }),
  ) as { filename: string; integrity: string }[];
  const tarball = packed[0]!;
  execFileSync("tar", ["-xzf", path.join(work, tarball.filename), "-C", work]);
  fs.rmSync(VENDOR_DIR, { recursive: true, force: true });
  const files: Record<string, string> = {};
  for (const name of [...Object.keys(GRAPHIQL_FILES), "LICENSE"]) {
    const from = path.join(work, "package", name === "LICENSE" ? name : path.join("dist", name));
    const to = path.join(VENDOR_DIR, name);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    files[name] = createHash("sha256").update(fs.readFileSync(to)).digest("hex");
  }
  const manifest = { package: "@graphql-yoga/graphiql", version, integrity: tarball.integrity, files };
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`Vendored @graphql-yoga/graphiql@${version} (${tarball.integrity}) into ${path.relative(process.cwd(), VENDOR_DIR)}.`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
