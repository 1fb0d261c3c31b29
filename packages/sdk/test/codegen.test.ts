import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../../codegen.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

describe("generated code", () => {
  // CI runs this: the committed output must be what `npm run codegen` makes today.
  it("is what codegen generates from schema.graphql and the operations (else run `npm run codegen`)", async () => {
    const outputs: readonly { filename: string; content: string }[] = await generate({ ...config, cwd: repoRoot, silent: true }, false);
    expect(outputs.map((output) => output.filename)).toEqual(Object.keys(config.generates));
    for (const output of outputs) {
      const committed = await readFile(new URL(output.filename, `file://${repoRoot}`), "utf8");
      expect(committed, `${output.filename} is stale: run \`npm run codegen\``).toBe(output.content);
    }
  });
});
