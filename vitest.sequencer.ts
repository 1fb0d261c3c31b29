import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The test files that take longest, longest first (measured on the 2-core box, December
 * 2026). Two workers share the files: the slowest must start first, or one of them
 * runs alone at the end (the SDK's consumer test, about a minute, drew last made
 * `npm test` 20 s longer). Vitest orders by its results cache when it has one; a fresh
 * clone has none, so it would go by file size. Files not listed follow in its order.
 */
const SLOWEST_FIRST = [
  "packages/db/test/embedded.test.ts",
  "packages/sdk/test/consumer.test.ts",
  "packages/server/test/fuzz.test.ts",
  "packages/db/test/facility-list/batches.test.ts",
  "packages/server/test/registry-scale.test.ts",
  "packages/server/test/readiness.test.ts",
  "packages/server/test/facility-lists.test.ts",
  "packages/server/test/bad-input.test.ts",
  "packages/db/test/seed.test.ts",
  "packages/server/test/made-in.test.ts",
  "packages/db/test/constraints.test.ts",
  "packages/sdk/test/mutations.test.ts",
  "packages/server/test/curation-auth.test.ts",
  "packages/server/test/concurrency.test.ts",
];

export default class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: unlisted files keep the base order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
