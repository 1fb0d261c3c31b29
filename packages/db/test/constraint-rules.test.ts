import { describe, expect, it } from "vitest";
import { readMigrations } from "../src/migrations.ts";
import { constraintRule } from "../src/rules/constraints.ts";

/** Every CHECK and unique constraint the migrations create, by name. */
function constraintsInMigrations(): string[] {
  const names = new Set<string>();
  for (const { sql } of readMigrations()) {
    for (const [, name] of sql.matchAll(/CONSTRAINT "([^"]+)" CHECK/g)) names.add(name!);
    for (const [, name] of sql.matchAll(/CREATE UNIQUE INDEX "([^"]+)"/g)) names.add(name!);
    for (const [, name] of sql.matchAll(/CONSTRAINT "([^"]+)" UNIQUE/g)) names.add(name!);
    // Composite primary keys (citations) are the unique keys clients can collide on.
    for (const [, name] of sql.matchAll(/CONSTRAINT "([^"]+_pkey)" PRIMARY KEY \("[^"]+",/g)) names.add(name!);
    // Deferred citation checks raise under their trigger's name.
    for (const [, name] of sql.matchAll(/CREATE CONSTRAINT TRIGGER "([^"]+)"/g)) names.add(name!);
    for (const [, name] of sql.matchAll(/DROP INDEX "([^"]+)"/g)) names.delete(name!);
    for (const [, table] of sql.matchAll(/DROP TABLE "([^"]+)"/g)) {
      for (const name of names) if (name.startsWith(`${table}_`)) names.delete(name);
    }
  }
  return [...names].sort();
}

describe("the database's constraints", () => {
  const names = constraintsInMigrations();

  it("are found in the migrations", () => {
    expect(names).toContain("Brand_slug_format");
    expect(names).toContain("Brand_slug_key");
    expect(names).toContain("BrandSource_pkey");
    expect(names).toContain("Factory_cited");
    expect(names).not.toContain("BrandClaim_statement_nonblank");
  });

  it("each have a rule that names their column and says what they refuse", () => {
    const unknown = names.filter((name) => constraintRule(name) === undefined);
    expect(unknown).toEqual([]);
    for (const name of names) {
      const rule = constraintRule(name)!;
      expect(name.startsWith(`${rule.table}_`), name).toBe(true);
      expect(rule.message.length, name).toBeGreaterThan(3);
    }
    expect(constraintRule("Factory_openedYear_range")).toEqual({ table: "Factory", column: "openedYear", message: "must be between 1800 and 2100" });
    expect(constraintRule("Production_modelId_factoryId_key")?.column).toBe("factoryId");
    expect(constraintRule("No_such_thing")).toBeUndefined();
  });
});
