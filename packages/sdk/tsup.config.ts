import fs from "node:fs";
import { defineConfig } from "tsup";

// Two entries, built for both module systems, as the `exports` map names them:
// `@solegraph/sdk` (client, execute, string documents) and `@solegraph/sdk/documents`
// (document nodes for GraphQL clients). The persisted-documents manifest ships beside
// them for servers and gateways that enforce trusted documents.
export default defineConfig({
  entry: ["src/index.ts", "src/documents.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  // Node 20 and evergreen browsers.
  target: "es2022",
  outDir: "dist",
  async onSuccess() {
    fs.copyFileSync("src/generated/trusted/persisted-documents.json", "dist/persisted-documents.json");
  },
});
