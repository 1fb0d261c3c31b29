import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import SlowestFirstSequencer from "./vitest.sequencer.ts";

const require = createRequire(import.meta.url);

const PACKAGES = ["db", "server", "sdk", "web"];

/**
 * The workspace's one test configuration. Projects:
 * - packages: every package's own tests (packages/<name>/test, `npm test` runs these;
 *   `npm test` in a package runs its own, by path). One project for the four, not one
 *   each: a worker then loads the server's modules once, not once per package it runs
 *   tests of (measured: 103 s instead of 135 s of vitest on this 2-core box, a third less CPU);
 * - processes: what runs `npm start` and the CLIs as processes (signals, crash
 *   recovery, the token commands), in packages/<name>/test/processes;
 * - browser: pages in Chromium, in packages/<name>/test/browser;
 * - fleet: replicas behind haproxy with Redis, on PostgreSQL (packages/server/test/fleet).
 * `npm run test:slow` runs processes and browser; `npm run test:fleet` the fleet; CI runs everything.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds without an `exports`
    // map. Node loads the CommonJS one for every dependency (Pothos, Yoga), while Vite
    // would hand our own sources the ESM one: two copies of graphql in one process, and
    // `instanceof` checks between them fail. Pointing Vite at the CommonJS entry keeps one.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores here; each test file opens its own database (an embedded PGlite on its
    // own thread, or a fresh PostgreSQL database).
    maxWorkers: 2,
    // Test files share a worker's modules (the schema is built once per worker): no
    // module keeps state between files.
    isolate: false,
    // The slowest files first, so the two workers finish together (vitest.sequencer.ts).
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        extends: true as const,
        test: {
          name: "packages",
          include: PACKAGES.map((name) => `packages/${name}/test/**/*.test.ts`),
          exclude: ["processes", "browser", "fleet", "faults"].map((kind) => `packages/*/test/${kind}/**`),
        },
      },
      { extends: true as const, test: { name: "processes", include: ["packages/*/test/processes/**/*.test.ts"] } },
      { extends: true as const, test: { name: "browser", include: ["packages/*/test/browser/**/*.test.ts"] } },
      // PostgreSQL, redis-server and haproxy as real processes: CI, and `npm run test:fleet`.
      { extends: true as const, test: { name: "fleet", include: ["packages/*/test/fleet/**/*.test.ts"] } },
      // Faults (issue 25): real redis-server started, killed and paused, real slow sockets and uploads. CI, and `npm run test:faults`.
      { extends: true as const, test: { name: "faults", include: ["packages/*/test/faults/**/*.test.ts"] } },
    ],
  },
});
