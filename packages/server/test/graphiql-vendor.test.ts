import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GRAPHIQL_FILES, VENDOR_DIR } from "../src/http/graphiql-files.ts";

// GraphiQL's built files are committed (scripts/vendor-graphiql.ts says why); they must
// be exactly what the script took from the package, every file the page loads present.
describe("the vendored GraphiQL", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(VENDOR_DIR, "manifest.json"), "utf8")) as {
    package: string;
    version: string;
    integrity: string;
    files: Record<string, string>;
  };

  it("holds every file the page loads, unchanged since vendoring", () => {
    expect(manifest.package).toBe("@graphql-yoga/graphiql");
    expect(manifest.integrity).toMatch(/^sha512-/);
    expect(Object.keys(manifest.files).sort()).toEqual([...Object.keys(GRAPHIQL_FILES), "LICENSE"].sort());
    for (const [name, sha256] of Object.entries(manifest.files)) {
      const actual = createHash("sha256").update(fs.readFileSync(path.join(VENDOR_DIR, name))).digest("hex");
      expect(actual, name).toBe(sha256);
    }
  });
});
