import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constraintViolation, seed, tableCounts, type ConstraintViolation } from "../src/index.ts";
import pg from "pg";
import { createTestDb, TEST_POSTGRES_URL, type TestDb } from "../src/testing/index.ts";

// Each case goes through raw SQL as well as Prisma where Prisma would validate first,
// so it is the database itself that is shown to refuse the row.
describe("database constraints", () => {
  let db: TestDb;
  let brandId: number;
  let modelId: number;
  beforeAll(async () => {
    db = await createTestDb();
    await seed(db.prisma);
    brandId = (await db.prisma.brand.findUniqueOrThrow({ where: { slug: "new-balance" } })).id;
    modelId = (await db.prisma.sneakerModel.findUniqueOrThrow({ where: { slug: "990" } })).id;
  });
  afterAll(() => db?.close());

  /** The write fails with this constraint's violation, and no table changed. */
  async function expectRejected(write: () => Promise<unknown>, expected: Partial<ConstraintViolation>) {
    const before = await tableCounts(db.sql);
    const error = await write().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, "the write should have been refused").toBeDefined();
    expect(constraintViolation(error)).toMatchObject(expected);
    expect(await tableCounts(db.sql)).toEqual(before);
  }

  it("rejects a duplicate slug", async () => {
    await expectRejected(
      () => db.prisma.brand.create({ data: { slug: "new-balance", name: "Another" } }),
      { kind: "unique", constraint: "Brand_slug_key" },
    );
  });

  it("rejects the year 3000", async () => {
    await expectRejected(
      () => db.prisma.factory.create({
        data: { slug: "future", name: "Future", ownership: "OWNED", status: "OPERATING", city: "X", countryCode: "US", openedYear: 3000 },
      }),
      { kind: "check", constraint: "Factory_openedYear_range" },
    );
  });

  it("rejects a negative volume", async () => {
    await expectRejected(
      () => db.prisma.production.create({ data: { slug: "neg", modelId, countryCode: "US", annualVolume: -5 } }),
      { kind: "check", constraint: "Production_annualVolume_nonnegative" },
    );
  });

  it("rejects an unknown country code, even one of the right shape", async () => {
    await expectRejected(
      () => db.prisma.factory.create({
        data: { slug: "nowhere", name: "Nowhere", ownership: "CONTRACT", status: "OPERATING", city: "X", countryCode: "XX" },
      }),
      { kind: "foreign-key", constraint: "Factory_countryCode_fkey" },
    );
    await expectRejected(
      () => db.sql.query(`UPDATE "Brand" SET "countryCode" = 'QQ' WHERE id = $1`, [brandId]),
      { kind: "foreign-key", constraint: "Brand_countryCode_fkey" },
    );
  });

  it("rejects a production pointing at a missing factory", async () => {
    await expectRejected(
      () => db.prisma.production.create({ data: { slug: "ghost", modelId, countryCode: "US", factoryId: 999_999 } }),
      { kind: "foreign-key", constraint: "Production_factoryId_countryCode_fkey" },
    );
  });

  it("rejects a production whose country differs from its factory's", async () => {
    const lawrence = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-lawrence" } });
    const otherModelId = (await db.prisma.sneakerModel.findUniqueOrThrow({ where: { slug: "992" } })).id;
    await expectRejected(
      () => db.prisma.production.create({ data: { slug: "mismatch", modelId: otherModelId, countryCode: "GB", factoryId: lawrence.id } }),
      { kind: "foreign-key", constraint: "Production_factoryId_countryCode_fkey" },
    );
  });

  it("rejects a malformed slug and a route position of zero", async () => {
    await expectRejected(() => db.prisma.brand.create({ data: { slug: "Not A Slug", name: "x" } }), { kind: "check", constraint: "Brand_slug_format" });
    const production = await db.prisma.production.findUniqueOrThrow({ where: { slug: "990-lawrence" } });
    const step = await db.prisma.processStep.findUniqueOrThrow({ where: { slug: "design" } });
    await expectRejected(
      () => db.prisma.productionStep.create({ data: { productionId: production.id, stepId: step.id, position: 0 } }),
      { kind: "check", constraint: "ProductionStep_position_positive" },
    );
  });

  it("keeps every factory and production cited: checked when the transaction commits", async () => {
    const source = await db.prisma.source.findUniqueOrThrow({ where: { slug: "seed-article" } });
    const factory = { slug: "example-factory", name: "Example Factory", ownership: "CONTRACT", status: "OPERATING", city: "Exampleton", countryCode: "VN" } as const;
    await expectRejected(() => db.prisma.factory.create({ data: factory }), { kind: "check", constraint: "Factory_cited" });
    await expectRejected(
      () => db.prisma.production.create({ data: { slug: "example-production", modelId, countryCode: "VN" } }),
      { kind: "check", constraint: "Production_cited" },
    );
    // A fact written with its first citation in one transaction, in either order, is fine.
    const cited = await db.prisma.factory.create({ data: { ...factory, sources: { create: { sourceId: source.id } } } });
    await expectRejected(
      () => db.prisma.factorySource.delete({ where: { factoryId_sourceId: { factoryId: cited.id, sourceId: source.id } } }),
      { kind: "check", constraint: "Factory_cited" },
    );
    // Deleting the fact takes its citations with it.
    await db.prisma.factory.delete({ where: { id: cited.id } });
    const lawrence = await db.prisma.production.findUniqueOrThrow({ where: { slug: "990-lawrence" }, include: { sources: true } });
    await expectRejected(
      () => db.sql.query(`DELETE FROM "ProductionSource" WHERE "productionId" = $1`, [lawrence.id]),
      { kind: "check", constraint: "Production_cited" },
    );
  });

  it.runIf(TEST_POSTGRES_URL)("refuses two concurrent transactions that each remove one of a fact's last two citations", async () => {
    const factory = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-skowhegan" }, include: { sources: true } });
    expect(factory.sources).toHaveLength(2);
    const clients = [new pg.Client({ connectionString: db.url }), new pg.Client({ connectionString: db.url })];
    await Promise.all(clients.map((client) => client.connect()));
    try {
      // Both delete before either commits: neither sees the other's delete until it does.
      for (const [i, client] of clients.entries()) {
        await client.query("BEGIN");
        await client.query(`DELETE FROM "FactorySource" WHERE "factoryId" = $1 AND "sourceId" = $2`, [factory.id, factory.sources[i]!.sourceId]);
      }
      const commits = await Promise.allSettled(clients.map((client) => client.query("COMMIT")));
      expect(commits.map((c) => c.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refusal = commits.find((c) => c.status === "rejected") as PromiseRejectedResult;
      expect(constraintViolation(refusal.reason)).toMatchObject({ kind: "check", constraint: "Factory_cited" });
      expect(await db.prisma.factorySource.count({ where: { factoryId: factory.id } })).toBe(1);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("dates time-bound figures and keeps planned sites unopened", async () => {
    const lawrence = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-lawrence" } });
    await expectRejected(
      () => db.prisma.factory.update({ where: { id: lawrence.id }, data: { workforce: 100 } }),
      { kind: "check", constraint: "Factory_workforceYear_paired" },
    );
    await expectRejected(
      () => db.prisma.factory.update({ where: { id: lawrence.id }, data: { weeklyCapacityYear: 2020 } }),
      { kind: "check", constraint: "Factory_weeklyCapacityYear_paired" },
    );
    const londonderry = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-londonderry" } });
    await expectRejected(
      () => db.prisma.factory.update({ where: { id: londonderry.id }, data: { openedYear: 2025 } }),
      { kind: "check", constraint: "Factory_planned_not_opened" },
    );
  });

  it("gives a claim exactly one subject, and a country when it says where something is made", async () => {
    const source = await db.prisma.source.findUniqueOrThrow({ where: { slug: "seed-article" } });
    const claim = { sourceId: source.id, topic: "MADE_IN", countryCode: "US", statement: "Example claim." } as const;
    await expectRejected(() => db.prisma.claim.create({ data: claim }), { kind: "check", constraint: "Claim_subject_one" });
    await expectRejected(() => db.prisma.claim.create({ data: { ...claim, brandId, modelId } }), { kind: "check", constraint: "Claim_subject_one" });
    await expectRejected(() => db.prisma.claim.create({ data: { ...claim, modelId, countryCode: null } }), { kind: "check", constraint: "Claim_madeIn_country" });
    await expectRejected(() => db.prisma.claim.create({ data: { ...claim, modelId, quote: "  " } }), { kind: "check", constraint: "Claim_quote_nonblank" });
  });

  it("leaves no partial rows when a multi-row write fails halfway", async () => {
    const design = await db.prisma.processStep.findUniqueOrThrow({ where: { slug: "design" } });
    await expectRejected(
      () =>
        db.prisma.production.create({
          data: {
            slug: "half-route",
            modelId,
            countryCode: "US",
            route: {
              create: [
                { stepId: design.id, position: 1 },
                { stepId: design.id, position: 2 }, // the same step twice
              ],
            },
          },
        }),
      { kind: "unique", constraint: "ProductionStep_productionId_stepId_key" },
    );
    expect(await db.prisma.production.findUnique({ where: { slug: "half-route" } })).toBeNull();
  });
});
