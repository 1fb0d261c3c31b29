import { TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { mutate, type Outcome } from "./support/curation.ts";

// A curator's day, over HTTP: every write goes through the API, every read through the
// public graph, and the audit trail records each one.
describe("curating the graph", () => {
  let server: TestApp;
  let curator: { authorization: string };
  let auditor: { authorization: string };
  beforeAll(async () => {
    server = await createTestApp();
    curator = await server.createToken("alice");
    auditor = await server.createToken("auditor", [TokenScope.ADMIN]);
  });
  afterAll(() => server?.close());

  const write = (name: string, inputType: string, payload: string, input: Record<string, unknown>) =>
    mutate(server, name, inputType, payload, input, curator);
  const expectPayload = (outcome: Outcome, typename: string) => {
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ __typename: typename });
    return outcome;
  };

  const changes = async (args = "first: 50") => {
    const { data, errors } = await server.graphql<{ changes: any }>(
      `{ changes(${args}) { totalCount edges { cursor node { id action entityType entityId actor before after } } pageInfo { hasNextPage endCursor } } }`,
      {},
      auditor,
    );
    expect(errors).toBeUndefined();
    return data!.changes;
  };

  it("opens a factory, records a production with its route, cites a source, updates it, and reads it all back", async () => {
    const source = expectPayload(
      await write("createSource", "CreateSourceInput", "source { id slug url publishedOn }", {
        slug: "nb-exeter-opening",
        title: "  New Balance opens Exeter plant  ",
        publisher: "Maine Business Journal",
        url: "https://example.com/nb-exeter",
        publishedOn: "2026-03-01",
      }),
      "CreateSourcePayload",
    ).source as { id: string; slug: string };
    expect(source.slug).toBe("nb-exeter-opening");

    const factory = expectPayload(
      await write("createFactory", "CreateFactoryInput", "factory { id slug name version country { code } operatorBrand { slug } }", {
        slug: "nb-exeter",
        name: "New Balance Exeter",
        ownership: "OWNED",
        status: "OPERATING",
        city: "Exeter",
        region: "New Hampshire",
        country: "us",
        operatorBrand: "new-balance",
        openedYear: 2026,
        workforce: 120,
      }),
      "CreateFactoryPayload",
    ).factory as { id: string; version: number };
    expect(factory).toMatchObject({ slug: "nb-exeter", version: 1, country: { code: "US" }, operatorBrand: { slug: "new-balance" } });

    const production = expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id slug version country { code } route { position technique step { slug } } }", {
        model: "990v6",
        factory: factory.id,
        labelClaim: "Made in USA",
        annualVolume: 50_000,
        startYear: 2026,
        route: [
          { step: "cutting", position: 1 },
          { step: "stitching", position: 2, technique: "strobel stitching" },
          { step: "lasting", position: 3 },
        ],
      }),
      "RecordProductionPayload",
    ).production as { id: string; slug: string };
    expect(production).toMatchObject({
      slug: "990v6-nb-exeter",
      version: 1,
      country: { code: "US" },
      route: [
        { position: 1, technique: null, step: { slug: "cutting" } },
        { position: 2, technique: "strobel stitching", step: { slug: "stitching" } },
        { position: 3, technique: null, step: { slug: "lasting" } },
      ],
    });

    for (const fact of [factory.id, production.id]) {
      expectPayload(
        await write("cite", "CiteInput", "fact { __typename ... on Factory { slug } ... on Production { slug } }", {
          fact,
          source: source.slug,
          quote: "The Exeter plant will make the 990.",
        }),
        "CitePayload",
      );
    }

    const updated = expectPayload(
      await write("updateFactory", "UpdateFactoryInput", "factory { version workforce notes status }", {
        id: "nb-exeter",
        expectedVersion: 1,
        workforce: 140,
        notes: "Second shift from June.",
      }),
      "UpdateFactoryPayload",
    ).factory;
    expect(updated).toEqual({ version: 2, workforce: 140, notes: "Second shift from June.", status: "OPERATING" });

    const rerouted = expectPayload(
      await write("updateProduction", "UpdateProductionInput", "production { version annualVolume route { position step { slug } } }", {
        id: production.id,
        expectedVersion: 1,
        annualVolume: 60_000,
        route: [
          { step: "cutting", position: 1 },
          { step: "stitching", position: 2 },
          { step: "lasting", position: 3 },
          { step: "finishing", position: 4 },
        ],
      }),
      "UpdateProductionPayload",
    ).production;
    expect(rerouted).toMatchObject({ version: 2, annualVolume: 60_000 });

    // The public graph, without a token, sees it all.
    const { data, errors } = await server.graphql<any>(`{
      factory(slug: "nb-exeter") {
        name city region workforce version
        processSteps { slug }
        sources { quote source { title publisher url } }
        productions { totalCount edges { node { slug annualVolume labelClaim model { slug } route { position step { slug } } sources { quote } } } }
      }
      model(slug: "990v6") { madeInUsa { status factories { slug } } }
      factories(filter: { performsStep: "finishing", region: "New Hampshire" }) { edges { node { slug } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.factory).toMatchObject({
      name: "New Balance Exeter",
      workforce: 140,
      version: 2,
      processSteps: [{ slug: "cutting" }, { slug: "stitching" }, { slug: "lasting" }, { slug: "finishing" }],
      sources: [
        {
          quote: "The Exeter plant will make the 990.",
          source: { title: "New Balance opens Exeter plant", publisher: "Maine Business Journal", url: "https://example.com/nb-exeter" },
        },
      ],
    });
    expect(data.factory.productions.totalCount).toBe(1);
    expect(data.factory.productions.edges[0].node).toMatchObject({
      slug: "990v6-nb-exeter",
      annualVolume: 60_000,
      labelClaim: "Made in USA",
      model: { slug: "990v6" },
      sources: [{ quote: "The Exeter plant will make the 990." }],
    });
    expect(data.factory.productions.edges[0].node.route.map((r: any) => r.step.slug)).toEqual(["cutting", "stitching", "lasting", "finishing"]);
    expect(data.model.madeInUsa.status).toBe("YES");
    expect(data.model.madeInUsa.factories.map((f: any) => f.slug)).toContain("nb-exeter");
    expect(data.factories.edges).toEqual([{ node: { slug: "nb-exeter" } }]);

    // Every write is in the audit trail, newest first, named after the token.
    const trail = await changes();
    expect(trail.edges.map((e: any) => `${e.node.action} ${e.node.entityType}`)).toEqual([
      "UPDATE PRODUCTION",
      "UPDATE FACTORY",
      "CITE PRODUCTION",
      "CITE FACTORY",
      "CREATE PRODUCTION",
      "CREATE FACTORY",
      "CREATE SOURCE",
    ]);
    expect(trail.edges.every((e: any) => e.node.actor === "alice")).toBe(true);
    const factoryUpdate = trail.edges[1].node;
    expect(factoryUpdate.entityId).toBe(factory.id);
    expect(JSON.parse(factoryUpdate.before)).toMatchObject({ workforce: 120, notes: null, version: 1 });
    expect(JSON.parse(factoryUpdate.after)).toMatchObject({ workforce: 140, notes: "Second shift from June.", version: 2 });
    const routeUpdate = trail.edges[0].node;
    expect(JSON.parse(routeUpdate.before).route).toHaveLength(3);
    expect(JSON.parse(routeUpdate.after).route.map((r: any) => r.step.slug)).toEqual(["cutting", "stitching", "lasting", "finishing"]);
    expect(JSON.parse(trail.edges[3].node.after)).toEqual({ source: "nb-exeter-opening", quote: "The Exeter plant will make the 990." });

    // ... filtered by entity, and paged.
    const forFactory = await changes(`first: 10, entity: "${factory.id}"`);
    expect(forFactory.edges.map((e: any) => e.node.action)).toEqual(["UPDATE", "CITE", "CREATE"]);
    const firstPage = await changes("first: 4");
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await changes(`first: 4, after: "${firstPage.pageInfo.endCursor}"`);
    expect([...firstPage.edges, ...secondPage.edges].map((e: any) => e.node.id)).toEqual(trail.edges.map((e: any) => e.node.id));
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect((await changes(`entityType: SOURCE`)).totalCount).toBe(1);
  });

  it("adds brands, models and process steps, and edits them version by version", async () => {
    const brand = expectPayload(
      await write("createBrand", "CreateBrandInput", "brand { id slug version country { code } website }", {
        slug: "karhu",
        name: "Karhu",
        country: "FI",
        foundedYear: 1916,
        website: "https://www.karhu.com",
      }),
      "CreateBrandPayload",
    ).brand as { id: string };
    const model = expectPayload(
      await write("createModel", "CreateModelInput", "model { id slug brand { slug } category version }", {
        slug: "fusion-3",
        name: "Fusion 3.0",
        brand: brand.id,
        category: "RUNNING",
        releaseYear: 2024,
      }),
      "CreateModelPayload",
    ).model as { id: string };
    expect(model).toMatchObject({ slug: "fusion-3", brand: { slug: "karhu" }, category: "RUNNING", version: 1 });

    expect(
      expectPayload(
        await write("updateModel", "UpdateModelInput", "model { name series releaseYear version }", {
          id: "fusion-3",
          expectedVersion: 1,
          name: "Fusion 3",
          series: "Fusion",
          releaseYear: null,
        }),
        "UpdateModelPayload",
      ).model,
    ).toEqual({ name: "Fusion 3", series: "Fusion", releaseYear: null, version: 2 });
    expect(
      expectPayload(
        await write("updateBrand", "UpdateBrandInput", "brand { headquartersCity version }", { id: "karhu", expectedVersion: 1, headquartersCity: "Helsinki" }),
        "UpdateBrandPayload",
      ).brand,
    ).toEqual({ headquartersCity: "Helsinki", version: 2 });

    const step = expectPayload(
      await write("createProcessStep", "CreateProcessStepInput", "processStep { slug position version }", { slug: "embroidery", name: "Embroidery", position: 10 }),
      "CreateProcessStepPayload",
    ).processStep;
    expect(step).toEqual({ slug: "embroidery", position: 10, version: 1 });
    expect(
      expectPayload(
        await write("updateProcessStep", "UpdateProcessStepInput", "processStep { name description version }", {
          id: "embroidery",
          expectedVersion: 1,
          name: "Embroidery and logos",
          description: "Logos stitched onto the upper.",
        }),
        "UpdateProcessStepPayload",
      ).processStep,
    ).toEqual({ name: "Embroidery and logos", description: "Logos stitched onto the upper.", version: 2 });

    const { data } = await server.graphql<any>(`{ brand(slug: "karhu") { name headquartersCity models { edges { node { name series } } } } processStep(slug: "embroidery") { name } }`);
    expect(data).toEqual({
      brand: { name: "Karhu", headquartersCity: "Helsinki", models: { edges: [{ node: { name: "Fusion 3", series: "Fusion" } }] } },
      processStep: { name: "Embroidery and logos" },
    });
  });

  it("deletes with cascades in one transaction, audits each deleted entity, and refuses deletes that would orphan facts", async () => {
    const brand = expectPayload(await write("createBrand", "CreateBrandInput", "brand { id }", { slug: "veja", name: "Veja", country: "FR" }), "CreateBrandPayload").brand as { id: string };
    const model = expectPayload(await write("createModel", "CreateModelInput", "model { id }", { slug: "v-10", name: "V-10", brand: "veja" }), "CreateModelPayload").model as { id: string };
    const factory = expectPayload(
      await write("createFactory", "CreateFactoryInput", "factory { id }", { slug: "veja-felgueiras", name: "Felgueiras", ownership: "CONTRACT", status: "OPERATING", city: "Felgueiras", country: "PT" }),
      "CreateFactoryPayload",
    ).factory as { id: string };
    const inBrazil = expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id slug }", { model: "v-10", country: "BR", route: [{ step: "sourcing", position: 1 }] }),
      "RecordProductionPayload",
    ).production as { id: string; slug: string };
    expect(inBrazil.slug).toBe("v-10-br");
    expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id }", { model: model.id, factory: "veja-felgueiras", country: "PT", route: [{ step: "stitching", position: 1 }] }),
      "RecordProductionPayload",
    );
    expectPayload(await write("cite", "CiteInput", "fact { __typename }", { fact: model.id, source: "nb-exeter-opening" }), "CitePayload");

    const refusedBrand = await write("deleteBrand", "DeleteInput", "deletedId", { id: brand.id, expectedVersion: 1 });
    expect(refusedBrand).toMatchObject({ __typename: "ConflictError", reason: "HAS_DEPENDENTS" });
    const refusedFactory = await write("deleteFactory", "DeleteInput", "deletedId", { id: factory.id, expectedVersion: 1 });
    expect(refusedFactory).toMatchObject({ __typename: "ConflictError", reason: "HAS_DEPENDENTS" });

    const counts = async () => ({
      productions: await server.db.prisma.production.count({ where: { model: { slug: "v-10" } } }),
      routeSteps: await server.db.prisma.productionStep.count({ where: { production: { model: { slug: "v-10" } } } }),
      citations: await server.db.prisma.sneakerModelSource.count({ where: { model: { slug: "v-10" } } }),
    });
    expect(await counts()).toEqual({ productions: 2, routeSteps: 2, citations: 1 });
    expect(await write("deleteModel", "DeleteInput", "deletedId", { id: "v-10", expectedVersion: 1 })).toEqual({ __typename: "DeleteModelPayload", deletedId: model.id });
    expect(await counts()).toEqual({ productions: 0, routeSteps: 0, citations: 0 });
    const trail = (await changes("first: 3")).edges.map((e: any) => e.node);
    expect(trail.map((c: any) => `${c.action} ${c.entityType}`)).toEqual(["DELETE SNEAKER_MODEL", "DELETE PRODUCTION", "DELETE PRODUCTION"]);
    expect(trail.find((c: any) => c.entityId === inBrazil.id)).toBeDefined();
    expect(JSON.parse(trail[0].before).sources).toEqual([{ quote: null, source: { slug: "nb-exeter-opening" } }]);
    expect(trail.every((c: any) => c.after === null)).toBe(true);

    expect(await write("deleteFactory", "DeleteInput", "deletedId", { id: factory.id, expectedVersion: 1 })).toEqual({ __typename: "DeleteFactoryPayload", deletedId: factory.id });
    expect(await write("deleteBrand", "DeleteInput", "deletedId", { id: "veja", expectedVersion: 1 })).toEqual({ __typename: "DeleteBrandPayload", deletedId: brand.id });
    const { data } = await server.graphql<any>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } brand(slug: "veja") { id } }`, { ids: [brand.id, model.id, factory.id, inBrazil.id] });
    expect(data).toEqual({ nodes: [null, null, null, null], brand: null });
    // The history of a deleted entity stays readable.
    expect((await changes(`entity: "${inBrazil.id}"`)).edges.map((e: any) => e.node.action)).toEqual(["DELETE", "CREATE"]);
  });

  it("moves a factory's productions with it, versioning and auditing each", async () => {
    expectPayload(
      await write("createFactory", "CreateFactoryInput", "factory { id }", { slug: "moving-plant", name: "Moving plant", ownership: "OWNED", status: "PLANNED", city: "Lawrence", country: "US" }),
      "CreateFactoryPayload",
    );
    const production = expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id version }", { model: "992", factory: "moving-plant" }),
      "RecordProductionPayload",
    ).production as { id: string };
    const moved = await write("updateFactory", "UpdateFactoryInput", "factory { country { code } version }", { id: "moving-plant", expectedVersion: 1, country: "CA", city: "Toronto" });
    expect(moved).toMatchObject({ __typename: "UpdateFactoryPayload", factory: { country: { code: "CA" }, version: 2 } });
    const { data } = await server.graphql<any>(`query($id: ID!) { node(id: $id) { ... on Production { version country { code } } } }`, { id: production.id });
    expect(data.node).toEqual({ version: 2, country: { code: "CA" } });
    const latest = (await changes("first: 1")).edges[0].node;
    expect(latest).toMatchObject({ action: "UPDATE", entityType: "PRODUCTION", entityId: production.id });
    expect([JSON.parse(latest.before).countryCode, JSON.parse(latest.after).countryCode]).toEqual(["US", "CA"]);
  });

  it("uncites a source", async () => {
    const { data } = await server.graphql<any>(`{ factory(slug: "nb-exeter") { id } }`);
    const factoryId = data.factory.id;
    const removed = await write("uncite", "UnciteInput", "fact { ... on Factory { sources { quote } } }", { fact: factoryId, source: "nb-exeter-opening" });
    expect(removed).toEqual({ __typename: "UncitePayload", fact: { sources: [] } });
    const latest = (await changes("first: 1")).edges[0].node;
    expect(latest).toMatchObject({ action: "UNCITE", entityType: "FACTORY", entityId: factoryId, after: null });
    expect(JSON.parse(latest.before)).toEqual({ source: "nb-exeter-opening", quote: "The Exeter plant will make the 990." });
  });
});
