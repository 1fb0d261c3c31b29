import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apolloVerdict } from "./fixtures/frameworks/apollo.ts";
import { tanstackSeries } from "./fixtures/frameworks/tanstack.ts";
import { urqlSearch } from "./fixtures/frameworks/urql.ts";

// The README's usages with Apollo Client, urql and TanStack Query: type-checked as part
// of the SDK's typecheck (with expected type errors), and run here against a server.
describe("the SDK's documents with GraphQL clients", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("Apollo Client runs a typed document node", async () => {
    expect(await apolloVerdict(server.url, "990v5")).toBe("YES");
  });

  it("urql runs a typed document node", async () => {
    expect(await urqlSearch(server.url, "hierro")).toContain("Fresh Foam Hierro v5");
  });

  it("TanStack Query runs `execute` with a string document", async () => {
    expect(await tanstackSeries(server.url, "990")).toEqual(expect.arrayContaining(["New Balance Lawrence", "New Balance Methuen"]));
  });
});
