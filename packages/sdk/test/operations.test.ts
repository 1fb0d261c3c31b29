import { readFile } from "node:fs/promises";
import { buildSchema, getNamedType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { operations } from "../src/operations.ts";
import { paginatedOperations } from "../src/paginate.ts";

const schema = buildSchema(await readFile(new URL("../../../schema.graphql", import.meta.url), "utf8"));
const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {});
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});

describe("the client's methods", () => {
  it("cover every root Query and Mutation field", () => {
    expect(mutationFields.length).toBeGreaterThan(0);
    expect(Object.keys(operations).sort()).toEqual([...queryFields, ...mutationFields].map((field) => field.name).sort());
  });

  it("include a method for every root Mutation field", () => {
    for (const field of mutationFields) expect(operations, field.name).toHaveProperty(field.name);
  });

  it("include a paginator for every root connection", () => {
    const connections = queryFields.filter((field) => {
      const type = getNamedType(field.type);
      return isObjectType(type) && "pageInfo" in type.getFields() && "edges" in type.getFields();
    });
    expect([...paginatedOperations].sort()).toEqual(connections.map((field) => field.name).sort());
  });
});
