import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../../codegen.ts";
import { postprocess } from "../../../scripts/codegen-postprocess.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

describe("generated code", () => {
  // CI runs this: the committed output must be what `npm run codegen` makes today.
  it("is what codegen generates from schema.graphql and the operations (else run `npm run codegen`)", async () => {
    const outputs: readonly { filename: string; content: string }[] = await generate({ ...config, cwd: repoRoot, silent: true }, false);
    const files = outputs.map((output) => output.filename);
    expect(files).toContain("packages/sdk/src/generated/graphql.ts");
    expect(files).toContain("packages/sdk/src/generated/trusted/persisted-documents.json");
    for (const output of outputs) {
      const committed = await readFile(new URL(output.filename, `file://${repoRoot}`), "utf8");
      // The codegen hook's one change (scripts/codegen-postprocess.ts) is applied to the committed files.
      const expected = output.filename.endsWith(".ts") ? postprocess(output.content) : output.content;
      expect(committed, `${output.filename} is stale: run \`npm run codegen\``).toBe(expected);
    }
  });
});
