import { defineConfig } from "tsup";

// One entry, built for both module systems: dist/index.js + index.d.ts (ESM) and
// dist/index.cjs + index.d.cts (CommonJS), as the `exports` map names them.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  // Node 20 and evergreen browsers.
  target: "es2022",
  outDir: "dist",
});
