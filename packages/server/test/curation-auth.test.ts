import { createHash } from "node:crypto";
import { revokeApiToken, TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../src/index.ts";
import { encodeGlobalID } from "../src/global-id.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { expectNothingWritten, expectUnauthenticated, mutation } from "./support/curation.ts";
import { citation } from "./support/passages.ts";

/** IDs inputs refer to; `claim` is the newest claim's, read before each call. */
interface Ids {
  newBalance: string;
  claim: string;
}

interface Call {
  readonly name: string;
  readonly inputType: string;
  readonly input: (ids: Ids) => Record<string, unknown>;
}

// Every mutation with an input that is valid once its turn comes: refused without the
// right token, and (last test) accepted, in this order, with it.
const CALLS: readonly Call[] = [
  { name: "createBrand", inputType: "CreateBrandInput", input: () => ({ slug: "authz-brand", name: "AuthZ" }) },
  { name: "updateBrand", inputType: "UpdateBrandInput", input: () => ({ id: "authz-brand", expectedVersion: 1, name: "AuthZ Inc" }) },
  { name: "createModel", inputType: "CreateModelInput", input: () => ({ slug: "authz-model", name: "Model", brand: "authz-brand" }) },
  { name: "updateModel", inputType: "UpdateModelInput", input: () => ({ id: "authz-model", expectedVersion: 1, series: "A" }) },
  {
    name: "createFactory",
    inputType: "CreateFactoryInput",
    input: () => ({
      slug: "authz-factory",
      name: "Example Factory",
      ownership: "OWNED",
      status: "OPERATING",
      city: "Exampleton",
      country: "US",
      citations: [citation("just-style-2022-03-30")],
    }),
  },
  { name: "updateFactory", inputType: "UpdateFactoryInput", input: () => ({ id: "authz-factory", expectedVersion: 1, workforce: 5, workforceYear: 2026 }) },
  { name: "createProcessStep", inputType: "CreateProcessStepInput", input: () => ({ slug: "authz-step", name: "Step", position: 99 }) },
  { name: "updateProcessStep", inputType: "UpdateProcessStepInput", input: () => ({ id: "authz-step", expectedVersion: 1, name: "Step 2" }) },
  {
    name: "recordProduction",
    inputType: "RecordProductionInput",
    input: () => ({
      slug: "authz-production",
      model: "authz-model",
      factory: "authz-factory",
      route: [{ step: "authz-step", position: 1 }],
      citations: [citation("just-style-2022-03-30")],
    }),
  },
  { name: "updateProduction", inputType: "UpdateProductionInput", input: () => ({ id: "authz-production", expectedVersion: 1, annualVolume: 10 }) },
  { name: "createSource", inputType: "CreateSourceInput", input: () => ({ slug: "authz-source", kind: "NEWS", title: "Example Source" }) },
  { name: "updateSource", inputType: "UpdateSourceInput", input: () => ({ id: "authz-source", expectedVersion: 1, text: "Quoted. And more." }) },
  {
    name: "recordClaim",
    inputType: "RecordClaimInput",
    input: ({ newBalance }) => ({
      ...citation("authz-source", { words: "And more", statement: "Example claim.", quote: "And more." }),
      subject: newBalance,
      topic: "MANUFACTURING_FOOTPRINT",
    }),
  },
  { name: "cite", inputType: "CiteInput", input: ({ newBalance }) => ({ fact: newBalance, ...citation("authz-source", { words: "Quoted", quote: "Quoted." }) }) },
  { name: "uncite", inputType: "UnciteInput", input: ({ newBalance }) => ({ fact: newBalance, source: "authz-source" }) },
  { name: "retractClaim", inputType: "DeleteInput", input: ({ claim }) => ({ id: claim, expectedVersion: 1 }) },
  { name: "deleteProduction", inputType: "DeleteInput", input: () => ({ id: "authz-production", expectedVersion: 2 }) },
  { name: "deleteFactory", inputType: "DeleteInput", input: () => ({ id: "authz-factory", expectedVersion: 2 }) },
  { name: "deleteModel", inputType: "DeleteInput", input: () => ({ id: "authz-model", expectedVersion: 2 }) },
  { name: "deleteBrand", inputType: "DeleteInput", input: () => ({ id: "authz-brand", expectedVersion: 2 }) },
];

const documentOf = (call: Call) => mutation(call.name, call.inputType, "__typename").replace(/ \.\.\. on \w+Payload \{ __typename \}/, "");

describe("who may write", () => {
  let server: TestApp;
  let ids: Ids;
  let curator: { authorization: string };
  let adminOnly: { authorization: string };
  beforeAll(async () => {
    server = await createTestApp();
    curator = await server.createToken("curator");
    adminOnly = await server.createToken("auditor", [TokenScope.ADMIN]);
    const { data } = await server.graphql<{ brand: { id: string } }>(`{ brand(slug: "new-balance") { id } }`);
    ids = { newBalance: data!.brand.id, claim: "" };
  });
  afterAll(() => server?.close());

  const run = async (call: Call, headers: Record<string, string> = {}) => {
    const newest = await server.db.prisma.claim.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    ids.claim = encodeGlobalID("Claim", newest.id);
    return server.graphql<Record<string, any>>(documentOf(call), { input: call.input(ids) }, headers);
  };

  // importFacilityList takes a file, which only a multipart request can send: its
  // 401, FORBIDDEN and success are tested the same way in facility-lists.test.ts.
  const MULTIPART_ONLY = new Set(["importFacilityList"]);

  it("covers every mutation of the schema", () => {
    expect(CALLS.map((c) => c.name).sort()).toEqual(Object.keys(getSchema().getMutationType()!.getFields()).filter((name) => !MULTIPART_ONLY.has(name)).sort());
  });

  it("refuses every mutation without a token, with HTTP 401 and UNAUTHENTICATED, and writes nothing", async () => {
    await expectNothingWritten(server, async () => {
      for (const call of CALLS) expectUnauthenticated(await run(call), /Authentication required: send `Authorization: Bearer <token>`/);
    });
    const response = await server.fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: documentOf(CALLS[0]!), variables: { input: CALLS[0]!.input(ids) } }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="solegraph"');
  });

  it("refuses malformed, unknown and revoked tokens the same way", async () => {
    const { authorization: revoked } = await server.createToken("leaver");
    await revokeApiToken(server.db.prisma, "leaver");
    const cases: [string, RegExp][] = [
      ["Basic YWxpY2U6c2VjcmV0", /must be `Bearer <token>`/],
      ["Bearer", /must be `Bearer <token>`/],
      ["Bearer not-a-token", /not valid/],
      // Well-formed, with a real token's lookup id but the wrong secret.
      [curator.authorization.replace(/.{6}$/, "AAAAAA"), /not valid/],
      [`Bearer sg_0123456789abcdef_${"A".repeat(43)}`, /not valid/],
      [revoked, /"leaver" was revoked/],
    ];
    await expectNothingWritten(server, async () => {
      for (const [authorization, message] of cases) {
        for (const call of CALLS) expectUnauthenticated(await run(call, { authorization }), message);
      }
    });
  });

  it("checks the token before the input: an unauthenticated request learns nothing about what it sent", async () => {
    const bad = await server.graphql(mutation("createBrand", "CreateBrandInput", "__typename"), { input: { slug: "Not A Slug", name: "" } });
    expectUnauthenticated(bad, /Authentication required/);
  });

  it("answers a token without the curate scope with ForbiddenError in the result, and writes nothing", async () => {
    await expectNothingWritten(server, async () => {
      for (const call of CALLS) {
        const { status, data, errors } = await run(call, adminOnly);
        expect(errors).toBeUndefined();
        expect(status).toBe(200);
        expect(data![call.name]).toMatchObject({ __typename: "ForbiddenError", requiredScope: "curate", message: expect.stringMatching(/"auditor" lacks the `curate` scope/) });
      }
    });
  });

  it("keeps the audit trail for the admin scope", async () => {
    const query = `{ changes(first: 5) { totalCount } }`;
    expectUnauthenticated(await server.graphql(query), /Authentication required/);
    const forbidden = await server.graphql(query, {}, curator);
    expect(forbidden.status).toBe(403);
    expect(forbidden.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringMatching(/lacks the `admin` scope/) });
    expect((await server.graphql<any>(query, {}, adminOnly)).data).toEqual({ changes: { totalCount: 0 } });
  });

  it("keeps reads public: no token needed, and a bad one is ignored", async () => {
    for (const headers of [{}, { authorization: "Bearer not-a-token" }]) {
      const { status, data } = await server.graphql<any>(`{ brands { totalCount } }`, {}, headers);
      expect(status).toBe(200);
      expect(data.brands.totalCount).toBe(5);
    }
  });

  it("stores tokens only as SHA-256 hashes", async () => {
    const rows = await server.db.sql.query<Record<string, unknown>>(`SELECT * FROM "ApiToken" WHERE name = 'curator'`);
    const token = curator.authorization.slice("Bearer ".length);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token.slice(-43));
  });

  it("accepts every mutation with a curate token (the inputs above were valid), each audited once", async () => {
    for (const call of CALLS) {
      const { data, errors } = await run(call, curator);
      expect(errors).toBeUndefined();
      expect(data![call.name].__typename, JSON.stringify(data)).toMatch(/Payload$/);
    }
    const trail = await server.graphql<any>(`{ changes(first: 50) { edges { node { action actor } } } }`, {}, adminOnly);
    expect(trail.data.changes.edges).toHaveLength(CALLS.length);
    expect(trail.data.changes.edges.every((e: any) => e.node.actor === "curator")).toBe(true);
  });
});
