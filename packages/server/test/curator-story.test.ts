import { TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { mutate, type Outcome } from "./support/curation.ts";
import { citation } from "./support/passages.ts";

/** The sources the story creates: a dated news story whose text it keeps, and a weekly it points into without a URL. */
const GAZETTE = "https://example.com/gazette/opening";
const WEEKLY = citation("example-trade-weekly", { words: "Example Works", statement: "The weekly gives the Example Works workforce." });

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
      await write("createSource", "CreateSourceInput", "source { id slug url publishedOn kind independent label }", {
        slug: "example-gazette-opening",
        kind: "NEWS",
        title: "  Example Gazette: a new plant opens  ",
        publisher: "Example Gazette",
        url: "https://example.com/gazette/opening",
        publishedOn: "2026-03-01",
        text: "The Example Works plant opened in March.\nIt makes the 990 line, says the plant manager.",
      }),
      "CreateSourcePayload",
    ).source as { id: string; slug: string };
    expect(source).toMatchObject({ slug: "example-gazette-opening", kind: "NEWS", independent: true, label: "Example Gazette: a new plant opens" });
    expectPayload(
      await write("createSource", "CreateSourceInput", "source { slug }", { slug: "example-trade-weekly", kind: "NEWS", publisher: "Example Trade Weekly" }),
      "CreateSourcePayload",
    );

    const factory = expectPayload(
      await write("createFactory", "CreateFactoryInput", "factory { id slug name version country { code } operatorBrand { slug } sources { quote supports source { slug } } }", {
        slug: "example-works",
        name: "Example Works",
        ownership: "OWNED",
        status: "OPERATING",
        city: "Exampleton",
        region: "New Hampshire",
        country: "us",
        operatorBrand: "new-balance",
        openedYear: 2026,
        workforce: 120,
        workforceYear: 2026,
        citations: [
          citation(source.slug, {
            url: GAZETTE,
            words: "The Example Works plant opened",
            statement: "The Gazette reports the Example Works plant opened in March.",
            quote: "The Example Works plant opened in March.",
            supports: ["openedYear", "status"],
          }),
        ],
      }),
      "CreateFactoryPayload",
    ).factory as { id: string; version: number };
    expect(factory).toMatchObject({
      slug: "example-works",
      version: 1,
      country: { code: "US" },
      operatorBrand: { slug: "new-balance" },
      sources: [{ quote: "The Example Works plant opened in March.", supports: ["openedYear", "status"], source: { slug: "example-gazette-opening" } }],
    });

    const production = expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id slug version evidence country { code } route { position technique step { slug } } }", {
        model: "990v5",
        factory: factory.id,
        labelClaim: "Made in USA",
        annualVolume: 50_000,
        startYear: 2026,
        route: [
          { step: "cutting", position: 1 },
          { step: "stitching", position: 2, technique: "strobel stitching" },
          { step: "lasting", position: 3 },
        ],
        // Reflowed line breaks and spacing still match the source's text.
        citations: [citation(source.slug, { url: GAZETTE, words: "It makes the 990 line", statement: "The plant manager tells the Gazette the plant makes the 990 line.", quote: "It makes  the 990 line," })],
      }),
      "RecordProductionPayload",
    ).production as { id: string; slug: string };
    expect(production).toMatchObject({
      slug: "990v5-example-works",
      version: 1,
      evidence: "REPORTED",
      country: { code: "US" },
      route: [
        { position: 1, technique: null, step: { slug: "cutting" } },
        { position: 2, technique: "strobel stitching", step: { slug: "stitching" } },
        { position: 3, technique: null, step: { slug: "lasting" } },
      ],
    });

    expectPayload(
      await write("cite", "CiteInput", "fact { __typename ... on Factory { slug } }", { fact: factory.id, ...WEEKLY, supports: ["workforce", "workforceYear"] }),
      "CitePayload",
    );

    const updated = expectPayload(
      await write("updateFactory", "UpdateFactoryInput", "factory { version workforce workforceYear notes status }", {
        id: "example-works",
        expectedVersion: 1,
        workforce: 140,
        workforceYear: 2027,
        notes: "Second shift from June.",
      }),
      "UpdateFactoryPayload",
    ).factory;
    expect(updated).toEqual({ version: 2, workforce: 140, workforceYear: 2027, notes: "Second shift from June.", status: "OPERATING" });

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
      factory(slug: "example-works") {
        name city region workforce workforceYear version
        processSteps { slug }
        sources { quote supports source { title publisher url } }
        productions { totalCount edges { node { slug annualVolume labelClaim model { slug } route { position step { slug } } sources { quote } } } }
      }
      series(name: "990") { madeInUsa { status basis factories { slug } } }
      factories(filter: { performsStep: "finishing", region: "New Hampshire" }) { edges { node { slug } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.factory).toMatchObject({
      name: "Example Works",
      workforce: 140,
      workforceYear: 2027,
      version: 2,
      processSteps: [{ slug: "cutting" }, { slug: "stitching" }, { slug: "lasting" }, { slug: "finishing" }],
      sources: [
        {
          quote: "The Example Works plant opened in March.",
          supports: ["openedYear", "status"],
          source: { title: "Example Gazette: a new plant opens", publisher: "Example Gazette", url: "https://example.com/gazette/opening" },
        },
        { quote: null, supports: ["workforce", "workforceYear"], source: { title: null, publisher: "Example Trade Weekly", url: null } },
      ],
    });
    expect(data.factory.productions.totalCount).toBe(1);
    expect(data.factory.productions.edges[0].node).toMatchObject({
      slug: "990v5-example-works",
      annualVolume: 60_000,
      labelClaim: "Made in USA",
      model: { slug: "990v5" },
      sources: [{ quote: "It makes  the 990 line," }],
    });
    expect(data.factory.productions.edges[0].node.route.map((r: any) => r.step.slug)).toEqual(["cutting", "stitching", "lasting", "finishing"]);
    expect(data.series.madeInUsa).toMatchObject({ status: "YES", basis: "REPORTED" });
    expect(data.series.madeInUsa.factories.map((f: any) => f.slug)).toContain("example-works");
    expect(data.factories.edges).toEqual([{ node: { slug: "example-works" } }]);

    // Every write is in the audit trail, newest first, named after the token.
    const trail = await changes();
    expect(trail.edges.map((e: any) => `${e.node.action} ${e.node.entityType}`)).toEqual([
      "UPDATE PRODUCTION",
      "UPDATE FACTORY",
      "CITE FACTORY",
      "CREATE PRODUCTION",
      "CREATE FACTORY",
      "CREATE SOURCE",
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
    expect(JSON.parse(trail.edges[2].node.after)).toEqual({ ...WEEKLY, source: "example-trade-weekly", retrievedOn: expect.any(String), quote: null, supports: ["workforce", "workforceYear"] });
    // A fact's creation records the citations it was created with.
    expect(JSON.parse(trail.edges[4].node.after).sources).toEqual([
      {
        locator: "https://example.com/gazette/opening#:~:text=The%20Example%20Works%20plant%20opened",
        statement: "The Gazette reports the Example Works plant opened in March.",
        retrievedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/),
        quote: "The Example Works plant opened in March.",
        supports: ["openedYear", "status"],
        source: { slug: "example-gazette-opening" },
      },
    ]);

    // ... filtered by entity, and paged.
    const forFactory = await changes(`first: 10, entity: "${factory.id}"`);
    expect(forFactory.edges.map((e: any) => e.node.action)).toEqual(["UPDATE", "CITE", "CREATE"]);
    const firstPage = await changes("first: 4");
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await changes(`first: 4, after: "${firstPage.pageInfo.endCursor}"`);
    expect([...firstPage.edges, ...secondPage.edges].map((e: any) => e.node.id)).toEqual(trail.edges.map((e: any) => e.node.id));
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect((await changes(`entityType: SOURCE`)).totalCount).toBe(2);
  });

  it("records what a source claims, keeps it beside the facts, and retracts it", async () => {
    const { data: read } = await server.graphql<any>(`{ model(slug: "990v5") { id } brand(slug: "new-balance") { id } }`);
    const claim = expectPayload(
      await write("recordClaim", "RecordClaimInput", "claim { id topic stance statement quote version country { code } source { slug } subject { __typename ... on SneakerModel { slug } } }", {
        source: "example-gazette-opening",
        subject: read.model.id,
        topic: "MADE_IN",
        country: "us",
        statement: "The plant manager says the plant makes the 990 line.",
        locator: `${GAZETTE}#:~:text=It%20makes%20the%20990%20line`,
        quote: "It makes the 990 line, says the plant manager.",
      }),
      "RecordClaimPayload",
    ).claim as { id: string };
    expect(claim).toMatchObject({
      topic: "MADE_IN",
      stance: "ASSERTS",
      version: 1,
      country: { code: "US" },
      source: { slug: "example-gazette-opening" },
      subject: { __typename: "SneakerModel", slug: "990v5" },
    });

    // A quote must be a passage of the source's text, where the graph keeps it.
    const invented = await write("recordClaim", "RecordClaimInput", "claim { id }", {
      source: "example-gazette-opening",
      subject: read.brand.id,
      topic: "PRODUCTION_SHARE",
      country: "US",
      sharePercent: 90,
      statement: "Most shoes are made here.",
      locator: `${GAZETTE}#:~:text=It%20makes`,
      quote: "Nine in ten pairs are made in Exampleton.",
    });
    expect(invented).toMatchObject({ __typename: "ValidationError", issues: [{ path: ["input", "quote"], message: "must be a verbatim passage of the source's text" }] });
    const noCountry = await write("recordClaim", "RecordClaimInput", "claim { id }", { source: "example-gazette-opening", subject: read.brand.id, topic: "MADE_IN", statement: "Made somewhere.", locator: `${GAZETTE}#:~:text=It%20makes` });
    expect(noCountry).toMatchObject({ __typename: "ValidationError", issues: [{ path: ["input", "country"] }] });
    const wrongSubject = await write("recordClaim", "RecordClaimInput", "claim { id }", { source: "example-gazette-opening", subject: claim.id, topic: "MADE_IN", country: "US", statement: "x", locator: `${GAZETTE}#:~:text=It%20makes` });
    expect(wrongSubject).toMatchObject({ __typename: "ValidationError", issues: [{ path: ["input", "subject"] }] });

    const { data } = await server.graphql<any>(`{
      model(slug: "990v5") { claims(topic: MADE_IN) { statement } }
      source(slug: "example-gazette-opening") { claims { totalCount edges { node { statement } } } }
      claims(filter: { source: "example-gazette-opening", country: "US" }) { totalCount }
    }`);
    expect(data.model.claims).toEqual([{ statement: "The plant manager says the plant makes the 990 line." }]);
    expect(data.source.claims.totalCount).toBe(1);
    expect(data.claims.totalCount).toBe(1);

    // A quoted source keeps its text: quotes are only of kept texts.
    const cleared = await write("updateSource", "UpdateSourceInput", "source { slug }", { id: "example-gazette-opening", expectedVersion: 1, text: null });
    expect(cleared).toMatchObject({ __typename: "ValidationError", issues: [{ path: ["input", "text"] }] });

    expect(await write("retractClaim", "DeleteInput", "deletedId", { id: claim.id, expectedVersion: 1 })).toEqual({ __typename: "RetractClaimPayload", deletedId: claim.id });
    const trail = (await changes("first: 2")).edges.map((e: any) => e.node);
    expect(trail.map((c: any) => `${c.action} ${c.entityType}`)).toEqual(["DELETE CLAIM", "CREATE CLAIM"]);
    expect(JSON.parse(trail[0].before)).toMatchObject({ statement: "The plant manager says the plant makes the 990 line.", source: { slug: "example-gazette-opening" } });
  });

  it("adds brands, models and process steps, and edits them version by version", async () => {
    const brand = expectPayload(
      await write("createBrand", "CreateBrandInput", "brand { id slug version country { code } website }", {
        slug: "example-runners",
        name: "Example Runners",
        country: "FI",
        foundedYear: 1916,
        website: "https://example.com/runners",
      }),
      "CreateBrandPayload",
    ).brand as { id: string };
    const model = expectPayload(
      await write("createModel", "CreateModelInput", "model { id slug brand { slug } category version }", {
        slug: "example-glide-3",
        name: "Example Glide 3.0",
        brand: brand.id,
        category: "RUNNING",
        releaseYear: 2024,
      }),
      "CreateModelPayload",
    ).model as { id: string };
    expect(model).toMatchObject({ slug: "example-glide-3", brand: { slug: "example-runners" }, category: "RUNNING", version: 1 });

    expect(
      expectPayload(
        await write("updateModel", "UpdateModelInput", "model { name series releaseYear version }", {
          id: "example-glide-3",
          expectedVersion: 1,
          name: "Example Glide 3",
          series: "Example Glide",
          releaseYear: null,
        }),
        "UpdateModelPayload",
      ).model,
    ).toEqual({ name: "Example Glide 3", series: "Example Glide", releaseYear: null, version: 2 });
    expect(
      expectPayload(
        await write("updateBrand", "UpdateBrandInput", "brand { headquartersCity version }", { id: "example-runners", expectedVersion: 1, headquartersCity: "Exampleton" }),
        "UpdateBrandPayload",
      ).brand,
    ).toEqual({ headquartersCity: "Exampleton", version: 2 });

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

    const { data } = await server.graphql<any>(`{ brand(slug: "example-runners") { name headquartersCity models { edges { node { name series } } } } processStep(slug: "embroidery") { name } }`);
    expect(data).toEqual({
      brand: { name: "Example Runners", headquartersCity: "Exampleton", models: { edges: [{ node: { name: "Example Glide 3", series: "Example Glide" } }] } },
      processStep: { name: "Embroidery and logos" },
    });
  });

  it("deletes with cascades in one transaction, audits each deleted entity, and refuses deletes that would orphan facts", async () => {
    const brand = expectPayload(await write("createBrand", "CreateBrandInput", "brand { id }", { slug: "example-canvas", name: "Example Canvas", country: "FR" }), "CreateBrandPayload").brand as { id: string };
    const model = expectPayload(await write("createModel", "CreateModelInput", "model { id }", { slug: "example-ten", name: "Example Ten", brand: "example-canvas" }), "CreateModelPayload").model as { id: string };
    const factory = expectPayload(
      await write("createFactory", "CreateFactoryInput", "factory { id }", { slug: "example-workshop", name: "Example Workshop", ownership: "CONTRACT", status: "OPERATING", city: "Exampleira", country: "PT", citations: [WEEKLY] }),
      "CreateFactoryPayload",
    ).factory as { id: string };
    const inBrazil = expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id slug }", { model: "example-ten", country: "BR", route: [{ step: "sourcing", position: 1 }], citations: [WEEKLY] }),
      "RecordProductionPayload",
    ).production as { id: string; slug: string };
    expect(inBrazil.slug).toBe("example-ten-br");
    expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id }", { model: model.id, factory: "example-workshop", country: "PT", route: [{ step: "stitching", position: 1 }], citations: [WEEKLY] }),
      "RecordProductionPayload",
    );
    expectPayload(await write("cite", "CiteInput", "fact { __typename }", { fact: model.id, ...citation("example-gazette-opening", { url: GAZETTE, words: "990 line" }) }), "CitePayload");

    const refusedBrand = await write("deleteBrand", "DeleteInput", "deletedId", { id: brand.id, expectedVersion: 1 });
    expect(refusedBrand).toMatchObject({ __typename: "ConflictError", reason: "HAS_DEPENDENTS" });
    const refusedFactory = await write("deleteFactory", "DeleteInput", "deletedId", { id: factory.id, expectedVersion: 1 });
    expect(refusedFactory).toMatchObject({ __typename: "ConflictError", reason: "HAS_DEPENDENTS" });

    const counts = async () => ({
      productions: await server.db.prisma.production.count({ where: { model: { slug: "example-ten" } } }),
      routeSteps: await server.db.prisma.productionStep.count({ where: { production: { model: { slug: "example-ten" } } } }),
      citations: await server.db.prisma.sneakerModelSource.count({ where: { model: { slug: "example-ten" } } }),
    });
    expect(await counts()).toEqual({ productions: 2, routeSteps: 2, citations: 1 });
    expect(await write("deleteModel", "DeleteInput", "deletedId", { id: "example-ten", expectedVersion: 1 })).toEqual({ __typename: "DeleteModelPayload", deletedId: model.id });
    expect(await counts()).toEqual({ productions: 0, routeSteps: 0, citations: 0 });
    const trail = (await changes("first: 3")).edges.map((e: any) => e.node);
    expect(trail.map((c: any) => `${c.action} ${c.entityType}`)).toEqual(["DELETE SNEAKER_MODEL", "DELETE PRODUCTION", "DELETE PRODUCTION"]);
    expect(trail.find((c: any) => c.entityId === inBrazil.id)).toBeDefined();
    expect(JSON.parse(trail[0].before).sources).toEqual([
      { locator: `${GAZETTE}#:~:text=990%20line`, statement: "The test's reading of example-gazette-opening.", retrievedOn: expect.any(String), quote: null, supports: [], source: { slug: "example-gazette-opening" } },
    ]);
    expect(trail.every((c: any) => c.after === null)).toBe(true);

    expect(await write("deleteFactory", "DeleteInput", "deletedId", { id: factory.id, expectedVersion: 1 })).toEqual({ __typename: "DeleteFactoryPayload", deletedId: factory.id });
    expect(await write("deleteBrand", "DeleteInput", "deletedId", { id: "example-canvas", expectedVersion: 1 })).toEqual({ __typename: "DeleteBrandPayload", deletedId: brand.id });
    const { data } = await server.graphql<any>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } brand(slug: "example-canvas") { id } }`, { ids: [brand.id, model.id, factory.id, inBrazil.id] });
    expect(data).toEqual({ nodes: [null, null, null, null], brand: null });
    // The history of a deleted entity stays readable.
    expect((await changes(`entity: "${inBrazil.id}"`)).edges.map((e: any) => e.node.action)).toEqual(["DELETE", "CREATE"]);
  });

  it("moves a factory's productions with it, versioning and auditing each", async () => {
    expectPayload(
      await write("createFactory", "CreateFactoryInput", "factory { id }", { slug: "moving-plant", name: "Example Moving Plant", ownership: "OWNED", status: "PLANNED", city: "Exampleton", country: "US", citations: [WEEKLY] }),
      "CreateFactoryPayload",
    );
    const production = expectPayload(
      await write("recordProduction", "RecordProductionInput", "production { id version }", { model: "992", factory: "moving-plant", citations: [WEEKLY] }),
      "RecordProductionPayload",
    ).production as { id: string };
    const moved = await write("updateFactory", "UpdateFactoryInput", "factory { country { code } version }", { id: "moving-plant", expectedVersion: 1, country: "CA", city: "Exampleville" });
    expect(moved).toMatchObject({ __typename: "UpdateFactoryPayload", factory: { country: { code: "CA" }, version: 2 } });
    const { data } = await server.graphql<any>(`query($id: ID!) { node(id: $id) { ... on Production { version country { code } } } }`, { id: production.id });
    expect(data.node).toEqual({ version: 2, country: { code: "CA" } });
    const latest = (await changes("first: 1")).edges[0].node;
    expect(latest).toMatchObject({ action: "UPDATE", entityType: "PRODUCTION", entityId: production.id });
    expect([JSON.parse(latest.before).countryCode, JSON.parse(latest.after).countryCode]).toEqual(["US", "CA"]);
  });

  it("uncites a source, but never a factory's last one", async () => {
    const { data } = await server.graphql<any>(`{ factory(slug: "example-works") { id } }`);
    const factoryId = data.factory.id;
    const removed = await write("uncite", "UnciteInput", "fact { ... on Factory { sources { source { slug } } } }", { fact: factoryId, source: "example-trade-weekly" });
    expect(removed).toEqual({ __typename: "UncitePayload", fact: { sources: [{ source: { slug: "example-gazette-opening" } }] } });
    const latest = (await changes("first: 1")).edges[0].node;
    expect(latest).toMatchObject({ action: "UNCITE", entityType: "FACTORY", entityId: factoryId, after: null });
    expect(JSON.parse(latest.before)).toEqual({ ...WEEKLY, source: "example-trade-weekly", retrievedOn: expect.any(String), quote: null, supports: ["workforce", "workforceYear"] });

    const last = await write("uncite", "UnciteInput", "fact { __typename }", { fact: factoryId, source: "example-gazette-opening" });
    expect(last).toMatchObject({ __typename: "ConflictError", reason: "LAST_CITATION", path: ["input", "source"] });
    expect(await server.db.prisma.factorySource.count({ where: { factory: { slug: "example-works" } } })).toBe(1);
  });
});
