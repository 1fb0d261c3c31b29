import { createRequire } from "node:module";
import type { ViteUserConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Settings every package's vitest config shares.
 *
 * graphql 16 ships CommonJS (`main`) and ESM (`module`) builds without an `exports`
 * map. Node loads the CommonJS one for every dependency (Pothos, Yoga), while Vite
 * would hand our own sources the ESM one: two copies of graphql in one process, and
 * `instanceof` checks between them fail. Pointing Vite at the CommonJS entry keeps one.
 */
export const sharedConfig = {
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
} satisfies ViteUserConfig;
