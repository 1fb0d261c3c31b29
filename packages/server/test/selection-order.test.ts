import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

/** Every object's keys, depth first, in the order the JSON text has them. */
function keyOrder(value: unknown, into: string[][] = []): string[][] {
  if (Array.isArray(value)) {
    value.slice(0, 1).forEach((item) => keyOrder(item, into));
  } else if (value !== null && typeof value === "object") {
    into.push(Object.keys(value));
    for (const child of Object.values(value)) keyOrder(child, into);
  }
  return into;
}

// The GraphQL spec: a response map's keys come in the order of the selection set, with
// fragments' fields where the fragment is spread. Orders here are deliberately neither
// alphabetical nor the schema's, and mix planned fields, computed ones and aliases.
describe("response keys", () => {
  let graph: TestApp;
  beforeAll(async () => {
    graph = await createTestApp();
  });
  afterAll(async () => {
    await graph?.close();
  });

  it("come in selection order, in queries", async () => {
    const response = await graph.fetch(graph.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{
          zeta: processSteps(first: 1) { edges { node { slug name } } }
          model(slug: "990v5") {
            name
            ...Made
            brand { slug __typename country { name code } }
            id
          }
          alpha: brands(first: 1) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage } }
        }
        fragment Made on SneakerModel { madeInUsa { status basis } slug }`,
      }),
    });
    const text = await response.text();
    expect(keyOrder(JSON.parse(text))).toEqual([
      ["data"],
      ["zeta", "model", "alpha"],
      ["edges"],
      ["node"],
      ["slug", "name"],
      ["name", "madeInUsa", "slug", "brand", "id"],
      ["status", "basis"],
      ["slug", "__typename", "country"],
      ["name", "code"],
      ["totalCount", "edges", "pageInfo"],
      ["cursor", "node"],
      ["slug"],
      ["hasNextPage"],
    ]);
  });

  it("come in selection order, in mutation payloads", async () => {
    const { authorization } = await graph.createToken("order");
    const response = await graph.fetch(graph.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({
        query: `mutation { createBrand(input: { slug: "fictional-order-co", name: "Fictional Order Co" }) {
          ... on CreateBrandPayload { brand { version name slug id } __typename }
        } }`,
      }),
    });
    expect(keyOrder(JSON.parse(await response.text()))).toEqual([["data"], ["createBrand"], ["brand", "__typename"], ["version", "name", "slug", "id"]]);
  });
});
