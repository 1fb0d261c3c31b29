import { createTestDb, testDatabaseKind, type TestDb } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { curationErrorFromDatabase } from "../src/curation/constraint-errors.ts";
import { getSchema } from "../src/schema/index.ts";

// What the database refuses when a race gets past the resolvers' own checks, read the
// same way from both adapters (PGlite's and pg's errors differ in shape).
describe(`database refusals as curation errors (${testDatabaseKind})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    // The entities' writable fields say which input field sets which column.
    getSchema();
    db = await createTestDb({ seed: true });
  });
  afterAll(() => db?.close());

  const refusal = (write: () => Promise<unknown>) =>
    write().then(
      () => expect.unreachable("the database accepted the write"),
      (error: unknown) => curationErrorFromDatabase(error),
    );

  it("a delete with dependents is a HAS_DEPENDENTS conflict", async () => {
    expect(await refusal(() => db.prisma.factory.delete({ where: { slug: "nb-lawrence" } }))).toMatchObject({
      name: "ConflictError",
      reason: "HAS_DEPENDENTS",
      path: ["input", "id"],
    });
  });

  it("a taken unique value is an ALREADY_EXISTS conflict on its field", async () => {
    expect(await refusal(() => db.prisma.brand.create({ data: { slug: "nike", name: "Nike again" } }))).toMatchObject({
      reason: "ALREADY_EXISTS",
      path: ["input", "slug"],
    });
    expect(await refusal(() => db.prisma.processStep.create({ data: { slug: "x", name: "X", position: 1 } }))).toMatchObject({ path: ["input", "position"] });
  });

  it("an unknown country is a validation issue on `country`", async () => {
    const error = await refusal(() =>
      db.prisma.factory.create({ data: { slug: "nowhere", name: "Nowhere", ownership: "OWNED", status: "PLANNED", city: "X", countryCode: "XX" } }),
    );
    expect(error).toMatchObject({ name: "ValidationError", issues: [{ path: ["input", "country"] }] });
  });

  it("a CHECK between stored and new values is a validation issue on the field to change", async () => {
    const lawrence = { where: { slug: "nb-lawrence" } };
    expect(await refusal(() => db.prisma.factory.update({ ...lawrence, data: { closedYear: 2020 } }))).toMatchObject({ issues: [{ path: ["input", "status"] }] });
    expect(await refusal(() => db.prisma.factory.update({ ...lawrence, data: { status: "CLOSED", openedYear: 2000, closedYear: 1999 } }))).toMatchObject({
      issues: [{ path: ["input", "closedYear"], message: "must not be before the opening year" }],
    });
    expect(await refusal(() => db.prisma.production.update({ where: { slug: "990-lawrence" }, data: { startYear: 2000, endYear: 1990 } }))).toMatchObject({
      issues: [{ path: ["input", "endYear"] }],
    });
    expect(await refusal(() => db.prisma.production.update({ where: { slug: "990-lawrence" }, data: { annualVolume: -1 } }))).toMatchObject({
      issues: [{ path: ["input", "annualVolume"], message: "must not be negative" }],
    });
  });

  it("an undated figure is a validation issue on its year; losing the last citation is a LAST_CITATION conflict", async () => {
    expect(await refusal(() => db.prisma.factory.update({ where: { slug: "nb-lawrence" }, data: { workforce: 10 } }))).toMatchObject({
      issues: [{ path: ["input", "workforceYear"], message: "must be given together with the figure it dates, and only with it" }],
    });
    const norway = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-norway" } });
    expect(await refusal(() => db.prisma.factorySource.deleteMany({ where: { factoryId: norway.id } }))).toMatchObject({ name: "ConflictError", reason: "LAST_CITATION" });
  });

  it("is not about other errors", () => {
    expect(curationErrorFromDatabase(new Error("connection lost"))).toBeUndefined();
  });
});
