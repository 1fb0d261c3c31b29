/**
 * graphql-codegen hook (codegen.ts, afterAllFileWrite) for the client preset's output:
 * - its TypedDocumentString types its metadata as `Record<string, any>`; the SDK's
 *   public types carry no `any`, so generated files get `unknown` there;
 * - each document is a top-level `new TypedDocumentString(...)`, which bundlers must
 *   keep unless told it is pure: marked so, an app keeps only the documents it imports.
 * packages/sdk/test/codegen.test.ts applies the same to what it compares.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";

export function postprocess(text: string): string {
  return text
    .replaceAll("Record<string, any>", "Record<string, unknown>")
    .replaceAll(" = new TypedDocumentString(", " = /* @__PURE__ */ new TypedDocumentString(");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    if (!file.endsWith(".ts")) continue;
    const text = fs.readFileSync(file, "utf8");
    if (postprocess(text) !== text) fs.writeFileSync(file, postprocess(text));
  }
}
