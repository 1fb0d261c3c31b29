import { createTestDb, type TestDb } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { ConfigError, loadConfig } from "../src/config.ts";

/** What a production server tells strangers, and what it lets browsers do. */
describe("production mode and CORS", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb({ seed: true });
  });
  afterAll(() => db?.close());

  const post = (app: ReturnType<typeof createApp>, query: string, headers: Record<string, string> = {}) =>
    app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
      body: JSON.stringify({ query }),
    });

  it("turns introspection, field suggestions and GraphiQL off under NODE_ENV=production", async () => {
    const app = createApp({ db, config: loadConfig({ NODE_ENV: "production" }) });
    const introspection = await post(app, `{ __schema { types { name } } }`);
    expect(introspection.status).toBe(400);
    expect(((await introspection.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/introspection has been disabled/);
    const typo = (await (await post(app, `{ brandz }`)).json()) as { errors: { message: string }[] };
    expect(typo.errors[0]!.message).toBe('Cannot query field "brandz" on type "Query".');
    const page = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    // Data still flows.
    expect(await (await post(app, `{ brands { totalCount } }`)).json()).toEqual({ data: { brands: { totalCount: 5 } } });
  });

  it("lets each switch be turned back on", async () => {
    const app = createApp({
      db,
      config: loadConfig({ NODE_ENV: "production", SOLEGRAPH_INTROSPECTION: "true", SOLEGRAPH_FIELD_SUGGESTIONS: "on", SOLEGRAPH_GRAPHIQL: "yes" }),
    });
    expect(((await (await post(app, `{ __schema { queryType { name } } }`)).json()) as { data: unknown }).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect(((await (await post(app, `{ brandz }`)).json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Did you mean/);
    expect(await (await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } })).text()).toMatch(/graphiql/i);
  });

  it("keeps development as it was", async () => {
    const app = createApp({ db, config: loadConfig({}) });
    expect(((await (await post(app, `{ brandz }`)).json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Did you mean "brand"/);
  });

  it("by default lets any origin read, without credentials, and never reflects a null origin", async () => {
    const app = createApp({ db, config: loadConfig({}) });
    for (const origin of ["https://example.org", "null"]) {
      const response = await post(app, `{ brands { totalCount } }`, { origin });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).not.toBe("true");
    }
  });

  it("with CORS_ORIGINS, lets those origins read with credentials, and no other", async () => {
    const app = createApp({ db, config: loadConfig({ CORS_ORIGINS: "https://app.example.org, http://localhost:5173" }) });
    const allowed = await post(app, `{ brands { totalCount } }`, { origin: "https://app.example.org" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.org");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const preflight = await app.fetch("http://localhost/graphql", {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    for (const origin of ["https://evil.example", "null"]) {
      const refused = await post(app, `{ brands { totalCount } }`, { origin });
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      expect(refused.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("refuses a malformed configuration, naming every variable to fix", () => {
    expect(() => loadConfig({ CORS_ORIGINS: "null", PORT: "http", SOLEGRAPH_INTROSPECTION: "maybe" })).toThrow(ConfigError);
    try {
      loadConfig({ CORS_ORIGINS: "null", PORT: "http", SOLEGRAPH_INTROSPECTION: "maybe" });
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split("=")[0])).toEqual(["PORT", "SOLEGRAPH_INTROSPECTION", "CORS_ORIGINS"]);
    }
  });
});
