import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

describe("the read graph over HTTP", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await createTestApp();
  });
  afterAll(() => server?.close());

  const slugs = (connection: { edges: { node: { slug: string } }[] }) => connection.edges.map((e) => e.node.slug);

  it("filters factories by country and status as the seed facts say", async () => {
    const { data, errors } = await server.graphql<{ factories: any }>(`{
      factories(filter: { country: "US", status: OPERATING }) { totalCount edges { node { slug city region status ownership } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.factories.totalCount).toBe(4);
    expect(slugs(data!.factories).sort()).toEqual(["nb-lawrence", "nb-methuen", "nb-norway", "nb-skowhegan"]);
    expect(data!.factories.edges.every((e: any) => e.node.status === "OPERATING" && e.node.ownership === "OWNED")).toBe(true);
  });

  it("filters factories by region, ownership, brand and performed step", async () => {
    const maine = await server.graphql<{ factories: any }>(`{ factories(filter: { region: "maine" }) { edges { node { slug } } } }`);
    expect(slugs(maine.data!.factories).sort()).toEqual(["nb-norridgewock", "nb-norway", "nb-skowhegan"]);
    const stitching = await server.graphql<{ factories: any }>(`{ factories(filter: { performsStep: "stitching", brand: "new-balance" }) { edges { node { slug } } } }`);
    // Only Lawrence: the one plant whose process a passage describes.
    expect(slugs(stitching.data!.factories).sort()).toEqual(["nb-lawrence"]);
    const contract = await server.graphql<{ factories: any }>(`{ factories(filter: { ownership: CONTRACT }) { totalCount } }`);
    expect(contract.data!.factories.totalCount).toBe(0);
    const gb = await server.graphql<{ factories: any }>(`{ factories(filter: { country: "GB" }, orderBy: { field: OPENED_YEAR, direction: DESC }) { edges { node { slug openedYear workforce weeklyCapacityPairs weeklyCapacityYear } } } }`);
    expect(gb.data!.factories.edges).toEqual([{ node: { slug: "nb-flimby", openedYear: 1991, workforce: 250, weeklyCapacityPairs: 28000, weeklyCapacityYear: 2015 } }]);
  });

  it("filters models by brand, series, category, country and label claim", async () => {
    const q = (filter: string) => server.graphql<{ models: any }>(`{ models(filter: ${filter}) { totalCount edges { node { slug } } } }`);
    expect(slugs((await q(`{ madeIn: "GB" }`)).data!.models)).toEqual(["1500", "576", "991"]);
    expect(slugs((await q(`{ madeIn: "US" }`)).data!.models)).toEqual(["990", "990v5", "990v6", "998"]);
    expect(slugs((await q(`{ labelClaim: "made in the uk" }`)).data!.models)).toEqual(["991"]);
    expect(slugs((await q(`{ series: "990" }`)).data!.models)).toEqual(["990", "990v5", "990v6"]);
    expect(slugs((await q(`{ series: "Fresh Foam Hierro" }`)).data!.models)).toEqual(["fresh-foam-hierro-v5"]);
    expect(slugs((await q(`{ category: TRAIL, brand: "new-balance" }`)).data!.models)).toEqual(["fresh-foam-hierro-v5"]);
    expect(slugs((await q(`{ category: RUNNING }`)).data!.models)).toEqual(["1500", "576", "990", "990v5", "990v6", "998"]);
    expect((await q(`{ category: COURT }`)).data!.models.totalCount).toBe(0);
    expect((await q(`{ brand: "nike" }`)).data!.models.totalCount).toBe(0);
    expect(slugs((await q(`{ search: "990V" }`)).data!.models)).toEqual(["990v5", "990v6"]);
  });

  it("orders models as asked", async () => {
    const { data } = await server.graphql<{ models: any }>(`{ models(first: 3, orderBy: { field: SLUG, direction: DESC }) { edges { node { slug } } } }`);
    expect(slugs(data!.models)).toEqual(["fresh-foam-hierro-v5", "998", "993"]);
  });

  it("pages forwards and backwards through every model exactly once", async () => {
    const total = (await server.graphql<{ models: any }>(`{ models { totalCount } }`)).data!.models.totalCount;
    expect(total).toBe(10);
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await server.graphql<{ models: any }>(
        `query($after: String) { models(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } } } }`,
        { after },
      )).data!.models;
      expect(page.totalCount).toBe(total);
      forwards.push(...slugs(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await server.graphql<{ models: any }>(
        `query($before: String) { models(last: 2, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { slug } } } }`,
        { before },
      )).data!.models;
      backwards.unshift(...slugs(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(forwards).toHaveLength(total);
    expect(new Set(forwards).size).toBe(total);
    expect(backwards).toEqual(forwards);
  });

  it("round-trips every node type through node(id:) and nodes(ids:)", async () => {
    const { data } = await server.graphql<any>(`{
      brand(slug: "new-balance") { id }
      model(slug: "990v5") { id productions(first: 1) { edges { node { id route { id } } } } }
      factory(slug: "nb-methuen") { id }
      processStep(slug: "stitching") { id }
      materials(first: 1) { edges { node { id } } }
      source(slug: "seed-article") { id }
    }`);
    const production = data.model.productions.edges[0].node;
    const expected: [string, string][] = [
      [data.brand.id, "Brand"],
      [data.model.id, "SneakerModel"],
      [data.factory.id, "Factory"],
      [data.processStep.id, "ProcessStep"],
      [production.id, "Production"],
      [production.route[0].id, "ProductionStep"],
      [data.materials.edges[0].node.id, "Material"],
      [data.source.id, "Source"],
    ];
    for (const [id, typename] of expected) {
      const result = await server.graphql<{ node: any }>(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(result.data!.node).toEqual({ __typename: typename, id });
    }
    const many = await server.graphql<{ nodes: any[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`, {
      ids: expected.map(([id]) => id),
    });
    expect(many.data!.nodes.map((n) => n.__typename)).toEqual(expected.map(([, t]) => t));
  });

  it("answers null for unknown and malformed IDs", async () => {
    const unknown = Buffer.from("Brand:999999").toString("base64url");
    const wrongType = Buffer.from("Nope:1").toString("base64url");
    for (const id of [unknown, wrongType, "not-an-id", "!!!", "", Buffer.from("Brand:abc").toString("base64url")]) {
      const { data, errors } = await server.graphql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(errors, id).toBeUndefined();
      expect(data!.node, id).toBeNull();
    }
    const { data } = await server.graphql<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [unknown, "junk"] });
    expect(data!.nodes).toEqual([null, null]);
  });

  it("gives null for unknown slugs", async () => {
    const { data } = await server.graphql<any>(`{ brand(slug: "nope") { id } model(slug: "nope") { id } factory(slug: "nope") { id } processStep(slug: "nope") { id } }`);
    expect(data).toEqual({ brand: null, model: null, factory: null, processStep: null });
  });

  it("lists process steps in canonical order, brands, materials and sources", async () => {
    const { data } = await server.graphql<any>(`{
      processSteps { totalCount edges { node { slug position } } }
      brands(search: "bal") { edges { node { slug models(first: 100) { totalCount } factories { totalCount } sources { source { slug } } } } }
      materials { totalCount }
      sources { totalCount }
    }`);
    expect(data.processSteps.edges.map((e: any) => e.node.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(data.brands.edges).toHaveLength(1);
    expect(data.brands.edges[0].node).toMatchObject({ slug: "new-balance", models: { totalCount: 10 }, factories: { totalCount: 7 } });
    expect(data.materials.totalCount).toBe(5);
    expect(data.sources.totalCount).toBe(41);
  });
});
