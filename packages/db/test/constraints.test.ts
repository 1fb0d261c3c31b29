import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constraintViolation, seed, tableCounts, type ConstraintViolation } from "../src/index.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

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
    modelId = (await db.prisma.sneakerModel.findUniqueOrThrow({ where: { slug: "990v6" } })).id;
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
        data: { slug: "future", name: "Future", ownership: "OWNED", status: "PLANNED", city: "X", countryCode: "US", openedYear: 3000 },
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
    const production = await db.prisma.production.findUniqueOrThrow({ where: { slug: "992-usa" } });
    const step = await db.prisma.processStep.findUniqueOrThrow({ where: { slug: "design" } });
    await expectRejected(
      () => db.prisma.productionStep.create({ data: { productionId: production.id, stepId: step.id, position: 0 } }),
      { kind: "check", constraint: "ProductionStep_position_positive" },
    );
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
