import { createTestDb } from "@solegraph/db/testing";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "../src/index.ts";

describe("CountryCode", () => {
  it("lists exactly the codes the server's country table holds", async () => {
    const db = await createTestDb({ seed: false });
    try {
      const rows = await db.sql.query<{ code: string }>(`SELECT code FROM "Country" ORDER BY code`);
      expect([...COUNTRY_CODES]).toEqual(rows.map((row) => row.code.trim()));
    } finally {
      await db.close();
    }
  });
});
