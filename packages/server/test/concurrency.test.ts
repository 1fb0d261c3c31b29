import { tableCounts } from "@solegraph/db";
import { testDatabaseKind } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { mutate, type Outcome } from "./support/curation.ts";
import { citation } from "./support/passages.ts";

describe(`concurrent and failing writes (${testDatabaseKind})`, () => {
  let server: TestApp;
  let curator: { authorization: string };
  const statements: string[] = [];
  beforeAll(async () => {
    server = await createTestApp({ seed: true, onQuery: (sql) => statements.push(sql) });
    curator = await server.createToken("curator");
  });
  afterAll(() => server?.close());

  const write = (name: string, inputType: string, input: Record<string, unknown>, payload = "__typename") =>
    mutate(server, name, inputType, payload, input, curator);

  it("lets exactly one of 20 concurrent updates with the same expectedVersion win, and audits only that one", async () => {
    const factory = await server.db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-skowhegan" } });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write("updateFactory", "UpdateFactoryInput", { id: "nb-skowhegan", expectedVersion: factory.version, workforce: 1000 + i }, "factory { version workforce }"),
      ),
    );
    const winners = outcomes.filter((o) => o.__typename === "UpdateFactoryPayload");
    const losers = outcomes.filter((o) => o.__typename === "ConflictError");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    expect(losers.every((o) => o.reason === "STALE_VERSION" && o.currentVersion === factory.version + 1)).toBe(true);
    const stored = await server.db.prisma.factory.findUniqueOrThrow({ where: { id: factory.id } });
    expect(stored.version).toBe(factory.version + 1);
    expect(winners[0]!.factory).toEqual({ version: stored.version, workforce: stored.workforce });
    const audit = await server.db.prisma.change.findMany({ where: { entityType: "FACTORY", entityId: factory.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "UPDATE", after: { workforce: stored.workforce, version: stored.version } });
  });

  it("lets one of two concurrent deletes win, and a racing update lose", async () => {
    const created = await write("createBrand", "CreateBrandInput", { slug: "racy", name: "Racy" }, "brand { version }");
    expect(created.__typename).toBe("CreateBrandPayload");
    const outcomes: Outcome[] = await Promise.all([
      write("deleteBrand", "DeleteInput", { id: "racy", expectedVersion: 1 }),
      write("deleteBrand", "DeleteInput", { id: "racy", expectedVersion: 1 }),
      write("updateBrand", "UpdateBrandInput", { id: "racy", expectedVersion: 1, name: "Racier" }),
    ]);
    const typenames = outcomes.map((o) => o.__typename);
    expect(typenames.filter((t) => t.endsWith("Payload"))).toHaveLength(1);
    expect(typenames.filter((t) => t === "ConflictError" || t === "NotFoundError")).toHaveLength(2);
    const brand = await server.db.prisma.brand.findUnique({ where: { slug: "racy" } });
    const audit = await server.db.prisma.change.findMany({ where: { entityType: "BRAND", action: { not: "CREATE" } } });
    expect(audit).toHaveLength(1);
    expect(brand === null).toBe(audit[0]!.action === "DELETE");
  });

  it("leaves no production behind when a route step fails halfway through the write", async () => {
    const before = await tableCounts(server.db.sql);
    statements.length = 0;
    const outcome = await write("recordProduction", "RecordProductionInput", {
      model: "fresh-foam-hierro-v5",
      country: "VN",
      slug: "half-written",
      citations: [citation("seed-article")],
      route: [
        { step: "cutting", position: 1 },
        { step: "stitching", position: 2 },
        { step: "no-such-step", position: 3 },
        { step: "lasting", position: 4 },
      ],
    });
    expect(outcome).toMatchObject({ __typename: "NotFoundError", path: ["input", "route", "2", "step"] });
    // The production and its first two steps were written before the failure...
    expect(statements.filter((sql) => /^INSERT INTO "public"\."Production"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /^INSERT INTO "public"\."ProductionStep"/.test(sql))).toHaveLength(2);
    // ...and rolled back with it.
    expect(await server.db.prisma.production.findUnique({ where: { slug: "half-written" } })).toBeNull();
    expect(await tableCounts(server.db.sql)).toEqual(before);
  });

  it("never lets concurrent uncites take a factory's last citation", async () => {
    const factory = await server.db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-skowhegan" }, include: { sources: { include: { source: true } } } });
    expect(factory.sources).toHaveLength(2);
    const { data } = await server.graphql<{ factory: { id: string } }>(`{ factory(slug: "nb-skowhegan") { id } }`);
    const outcomes: Outcome[] = await Promise.all(
      factory.sources.map((citation) => write("uncite", "UnciteInput", { fact: data!.factory.id, source: citation.source.slug }, "fact { __typename }")),
    );
    expect(outcomes.map((o) => o.__typename).sort()).toEqual(["ConflictError", "UncitePayload"]);
    expect(outcomes.find((o) => o.__typename === "ConflictError")).toMatchObject({ reason: "LAST_CITATION" });
    expect(await server.db.prisma.factorySource.count({ where: { factoryId: factory.id } })).toBe(1);
    expect(await server.db.prisma.change.count({ where: { entityType: "FACTORY", entityId: factory.id, action: "UNCITE" } })).toBe(1);
  });

  it("records concurrent productions with their whole routes, none interleaved", async () => {
    const steps = ["design", "cutting", "stitching", "lasting", "finishing"];
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        write("recordProduction", "RecordProductionInput", {
          model: "990v5",
          country: "US",
          slug: `parallel-${i}`,
          citations: [citation("just-style-2022-03-30")],
          // Every other one fails on its last step.
          route: steps.map((step, position) => ({ step: i % 2 === 1 && position === 4 ? "nope" : step, position: position + 1 })),
        }),
      ),
    );
    expect(outcomes.map((o) => o.__typename)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? "RecordProductionPayload" : "NotFoundError")));
    const stored = await server.db.prisma.production.findMany({ where: { slug: { startsWith: "parallel-" } }, include: { route: true }, orderBy: { slug: "asc" } });
    expect(stored.map((p) => p.slug)).toEqual(["parallel-0", "parallel-2", "parallel-4", "parallel-6", "parallel-8"]);
    expect(stored.every((p) => p.route.length === 5)).toBe(true);
    expect(await server.db.prisma.change.count({ where: { entityType: "PRODUCTION", entityId: { in: stored.map((p) => p.id) } } })).toBe(5);
  });
});
