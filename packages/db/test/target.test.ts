import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeTarget, resolveTarget } from "../src/index.ts";

describe("choosing the database", () => {
  it("uses DATABASE_URL when it is set", () => {
    expect(resolveTarget({}, { DATABASE_URL: "postgres://u:secret@h:5432/db" })).toEqual({
      kind: "postgres",
      url: "postgres://u:secret@h:5432/db",
    });
  });

  it("defaults to the embedded folder, overridable, or memory", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    expect(resolveTarget({}, {})).toEqual({ kind: "pglite", dataDir: path.join(root, ".solegraph/data") });
    expect(resolveTarget({}, { SOLEGRAPH_DATA_DIR: "rel", INIT_CWD: "/home/u" })).toEqual({ kind: "pglite", dataDir: "/home/u/rel" });
    expect(resolveTarget({}, { SOLEGRAPH_DATA_DIR: "/tmp/x", DATABASE_URL: "" })).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
    expect(resolveTarget({ dataDir: ":memory:" }, {})).toEqual({ kind: "memory" });
  });

  it("refuses a URL that is not PostgreSQL's, without echoing its password", () => {
    expect(() => resolveTarget({}, { DATABASE_URL: "mysql://u:secret@h/db" })).toThrow(/postgres:\/\//);
    expect(() => resolveTarget({}, { DATABASE_URL: "mysql://u:secret@h/db" })).not.toThrow(/secret/);
  });

  it("never prints a password in descriptions", () => {
    expect(describeTarget({ kind: "postgres", url: "postgres://u:secret@h/db" })).toBe("PostgreSQL at postgres://u:***@h/db");
  });
});
