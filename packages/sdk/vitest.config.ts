import { defineConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

export default defineConfig({
  // One copy of graphql for the in-process test server (see vitest.shared.ts).
  ...sharedConfig,
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Every file starts its own server over an in-memory PGlite, which is memory-hungry.
    maxWorkers: 2,
  },
});
