import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkData, formatProblem, rules } from "../src/index.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

/**
 * `npm run data:check` on a graph with one wrong record of each kind: every rule names
 * the record and the field. (The seed passing it is in seed.test.ts.)
 */
describe("the data check", () => {
  let db: TestDb;
  let problems: string[];
  beforeAll(async () => {
    db = await createTestDb({ seed: true });
    const q = (sql: string, params: unknown[] = []) => db.sql.query(sql, params);
    await q(`INSERT INTO "Source" (slug, kind, title, url, "updatedAt") VALUES
               ('example-daily', 'NEWS', 'Example Daily', 'https://daily.example.org/works', now()),
               ('example-list', 'FACILITY_LIST', 'Example list', NULL, now())`);
    const [{ id: news }] = await q(`SELECT id FROM "Source" WHERE slug = 'example-daily'`) as [{ id: number }];
    const [{ id: article }] = await q(`SELECT id FROM "Source" WHERE slug = 'seed-article'`) as [{ id: number }];
    // A factory whose only citation says nothing of its passage, and sets a field no citation supports.
    // (One statement each: a fact and its first citation commit together, as the database requires.)
    const [{ id: factory }] = await q(
      `WITH f AS (INSERT INTO "Factory" (slug, name, status, city, "countryCode", workforce, "workforceYear", "updatedAt")
                  VALUES ('example-works', 'Example Works', 'OPERATING', 'Exampleton', 'US', 120, 2026, now()) RETURNING id)
       INSERT INTO "FactorySource" ("factoryId", "sourceId", supports) SELECT f.id, $1, '{status,city,country}' FROM f RETURNING "factoryId" AS id`,
      [news],
    ) as [{ id: number }];
    // A production whose passage names neither the model nor the town.
    const [{ id: model }] = await q(`SELECT id FROM "SneakerModel" WHERE slug = '576'`) as [{ id: number }];
    await q(
      `WITH p AS (INSERT INTO "Production" (slug, "modelId", "factoryId", "countryCode", "updatedAt") VALUES ('576-example-works', $1, $2, 'US', now()) RETURNING id)
       INSERT INTO "ProductionSource" ("productionId", "sourceId", locator, statement, "retrievedOn") SELECT p.id, $3, $4, 'A plant makes shoes.', '2026-12-01' FROM p`,
      [model, factory, news, rules.textLocator("https://daily.example.org/works", ["A plant", "makes shoes"])],
    );
    // Claims: one pointing at another page and quoting a source whose text is not kept;
    // one quoting the kept article with words it does not contain; one read in the future.
    await q(
      `INSERT INTO "Claim" ("sourceId", "modelId", topic, "countryCode", statement, locator, "retrievedOn", quote, "updatedAt")
       VALUES ($1, $2, 'MADE_IN', 'US', 'Example Daily says the 576 is made in Exampleton.', 'https://other.example.org/page#:~:text=made', '2026-12-01', 'made in Exampleton', now()),
              ($3, $2, 'MADE_IN', 'US', 'The article says so.', $4, '2026-12-01', NULL, now()),
              ($1, $2, 'MADE_IN', 'GB', 'Example Daily says so.', 'https://daily.example.org/works#:~:text=so', '2031-01-01', NULL, now())`,
      [news, model, article, rules.textLocator("https://godshoe.me/exploring-the-truth-are-new-balance-sneakers-really-made-in-the-usa/", ["words the article never says"])],
    );
    problems = (await checkData(db.sql, new Date("2026-12-03T12:00:00Z"))).map(formatProblem);
  });
  afterAll(() => db?.close());

  it("names an undated news source", () => {
    expect(problems).toContain("source example-daily › publishedOn: is missing: a NEWS source carries the date it was published");
  });

  it("names a citation without locator, statement or reading date", () => {
    expect(problems).toContain(`factory example-works › citation example-daily › locator: ${rules.PASSAGE_MESSAGES.noLocator}`);
    expect(problems).toContain(`factory example-works › citation example-daily › statement: ${rules.PASSAGE_MESSAGES.noStatement}`);
    expect(problems).toContain(`factory example-works › citation example-daily › retrievedOn: ${rules.PASSAGE_MESSAGES.noRetrievedOn}`);
  });

  it("names a field no citation supports", () => {
    expect(problems).toContain("factory example-works › workforce: no citation supports it (name it in a citation's `supports`, or clear it)");
    expect(problems).toContain("factory example-works › workforceYear: no citation supports it (name it in a citation's `supports`, or clear it)");
  });

  it("names a production whose statements name neither its model nor its place", () => {
    expect(problems.filter((p) => p.startsWith("production 576-example-works › citations › statement:"))).toHaveLength(1);
  });

  it("names a claim pointing elsewhere, quoting a source whose text is not kept, fragment words not in a kept text, a reading in the future", () => {
    const claims = problems.filter((p) => p.startsWith("claim "));
    expect(claims).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^claim \d+ \(model 576\) › source example-daily › locator: must point into the source's own URL/),
        expect.stringMatching(new RegExp(`^claim \\d+ \\(model 576\\) › source example-daily › quote: ${escape(rules.PASSAGE_MESSAGES.quoteWithoutText)}`)),
        expect.stringMatching(new RegExp(`^claim \\d+ \\(model 576\\) › source seed-article › locator: ${escape(rules.PASSAGE_MESSAGES.notInText)}`)),
        expect.stringMatching(/^claim \d+ \(model 576\) › source example-daily › retrievedOn: must not be in the future/),
      ]),
    );
  });

  it("finds nothing else: the seed itself is clean", () => {
    const others = problems.filter((p) => !/example-daily|example-works|576-example-works|\(model 576\)/.test(p));
    expect(others).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\`]/g, "\\$&");
}
