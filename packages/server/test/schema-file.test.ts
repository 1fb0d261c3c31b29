import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchema, SCHEMA_FILE } from "../src/index.ts";

describe("schema.graphql", () => {
  it("is what the server's schema prints (run `npm run schema:print` when this fails)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(renderSchema());
  });
});
