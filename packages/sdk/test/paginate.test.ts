import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, SolegraphError, type Fetch, type SolegraphClient } from "../src/index.ts";

let server: TestServer;
let sg: SolegraphClient;
let requests = 0;

beforeAll(async () => {
  server = await startTestServer();
  const countingFetch: Fetch = (url, init) => {
    requests += 1;
    return fetch(url, init);
  };
  sg = createClient({ url: server.url, fetch: countingFetch });
});

afterAll(async () => {
  await server?.close();
});

async function collect<T>(nodes: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const node of nodes) all.push(node);
  return all;
}

describe("paginate", () => {
  it("visits every factory exactly once, two per request", async () => {
    const all = await sg.factories({ first: 100 });
    requests = 0;
    const walked = await collect(sg.paginate.factories({}, { pageSize: 2 }));
    expect(walked.map((factory) => factory.slug)).toEqual(all.edges.map((edge) => edge.node.slug));
    expect(new Set(walked.map((factory) => factory.id)).size).toBe(all.totalCount);
    expect(all.totalCount).toBe(7);
    expect(requests).toBe(Math.ceil(all.totalCount / 2));
  });

  it("keeps the filter on every page", async () => {
    const walked = await collect(sg.paginate.factories({ filter: { country: "US" } }, { pageSize: 2 }));
    expect(walked).toHaveLength(6);
    expect(walked.every((factory) => factory.country.code === "US")).toBe(true);
  });

  it("is lazy: stopping early fetches no further page", async () => {
    requests = 0;
    const first: string[] = [];
    for await (const model of sg.paginate.models({}, { pageSize: 2 })) {
      first.push(model.slug);
      if (first.length === 2) break;
    }
    expect(first).toHaveLength(2);
    expect(requests).toBe(1);
  });

  it("walks every paginated connection to its totalCount", async () => {
    const expected = { brands: 5, models: 10, factories: 7, processSteps: 9, materials: 5, sources: 41, claims: 24 };
    const walked = {
      brands: (await collect(sg.paginate.brands({}, { pageSize: 2 }))).length,
      models: (await collect(sg.paginate.models({}, { pageSize: 2 }))).length,
      factories: (await collect(sg.paginate.factories())).length,
      processSteps: (await collect(sg.paginate.processSteps({}, { pageSize: 4 }))).length,
      materials: (await collect(sg.paginate.materials({}, { pageSize: 2 }))).length,
      sources: (await collect(sg.paginate.sources({}, { pageSize: 10 }))).length,
      claims: (await collect(sg.paginate.claims({}, { pageSize: 5 }))).length,
    };
    expect(walked).toEqual(expected);
  });

  it("surfaces a page's error as a SolegraphError", async () => {
    const failure = await collect(sg.paginate.brands({}, { pageSize: 1000 })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SolegraphError);
    expect((failure as SolegraphError).code).toBe("BAD_USER_INPUT");
  });

  it("fails instead of looping when the server repeats a cursor", async () => {
    // A broken server: every page says there is more, after the same cursor.
    const stuckPage = {
      data: {
        brands: {
          totalCount: 2,
          pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: "c", endCursor: "c" },
          edges: [{ cursor: "c", node: { id: "1", slug: "stuck" } }],
        },
      },
    };
    const stuck: Fetch = async () => new Response(JSON.stringify(stuckPage), { headers: { "content-type": "application/json" } });
    const walk = collect(createClient({ url: "http://stuck.invalid/graphql", fetch: stuck }).paginate.brands());
    const failure = await walk.catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "invalid-response", message: expect.stringContaining("did not advance") });
  });
});
