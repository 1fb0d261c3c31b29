import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "../src/global-id.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { expectNothingWritten, mutate, mutation } from "./support/curation.ts";
import { citation } from "./support/passages.ts";

/** A mutation call and the result it must get. */
interface MutationCase {
  readonly title: string;
  readonly call: readonly [name: string, inputType: string, input: Record<string, unknown>];
  readonly expected: { __typename: string; path?: string[]; reason?: string; currentVersion?: number; reference?: string };
}

/** A request refused before any resolver runs, with its HTTP status. */
type Send = (input: string, init?: RequestInit) => Promise<Response>;

interface HttpCase {
  readonly title: string;
  readonly request: (send: Send, url: string, authorization: string) => Promise<Response>;
  readonly status: number | readonly number[];
  readonly message?: RegExp;
}

/** A passage of matrix-source, whose text the graph keeps ("An example text."). */
const matrixPassage = citation("matrix-source", { words: "An example" });
const newsPassage = citation("matrix-news", { url: "https://news.example.org/matrix", words: "Example Plant" });
const citations = [matrixPassage];
const factoryInput = { slug: "example-plant", name: "Example Plant", ownership: "OWNED", status: "OPERATING", city: "Exampleton", country: "US", citations };
const productionInput = { model: "990", factory: "matrix-factory", route: [{ step: "cutting", position: 1 }], citations };
const invalid = (path: string[]) => ({ __typename: "ValidationError", path });
const route = (...steps: [string, number][]) => steps.map(([step, position]) => ({ step, position }));

const MUTATION_CASES: readonly MutationCase[] = [
  { title: "a slug with spaces and capitals", call: ["createBrand", "CreateBrandInput", { slug: "New Brand", name: "N" }], expected: invalid(["input", "slug"]) },
  { title: "a slug over 80 characters", call: ["createBrand", "CreateBrandInput", { slug: "a".repeat(81), name: "N" }], expected: invalid(["input", "slug"]) },
  { title: "a blank name", call: ["createBrand", "CreateBrandInput", { slug: "blank", name: "   " }], expected: invalid(["input", "name"]) },
  { title: "a name over 200 characters", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, name: "n".repeat(201) }], expected: invalid(["input", "name"]) },
  { title: "notes over 5000 characters", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, notes: "x".repeat(5001) }], expected: invalid(["input", "notes"]) },
  { title: "a quote over 2000 characters", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...matrixPassage, quote: "q".repeat(2001) }], expected: invalid(["input", "quote"]) },
  { title: "the year 3000", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, openedYear: 3000 }], expected: invalid(["input", "openedYear"]) },
  { title: "the year 1799", call: ["createBrand", "CreateBrandInput", { slug: "old", name: "Old", foundedYear: 1799 }], expected: invalid(["input", "foundedYear"]) },
  {
    title: "a factory closed before it opened",
    call: ["createFactory", "CreateFactoryInput", { ...factoryInput, status: "CLOSED", openedYear: 2000, closedYear: 1990 }],
    expected: invalid(["input", "closedYear"]),
  },
  { title: "a closing year on an operating factory", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, closedYear: 2020 }], expected: invalid(["input", "status"]) },
  {
    title: "a closing year on a stored operating factory (the database's CHECK)",
    call: ["updateFactory", "UpdateFactoryInput", { id: "matrix-factory", expectedVersion: 2, closedYear: 2020 }],
    expected: invalid(["input", "status"]),
  },
  { title: "a negative volume", call: ["recordProduction", "RecordProductionInput", { ...productionInput, model: "992", annualVolume: -1 }], expected: invalid(["input", "annualVolume"]) },
  { title: "a negative workforce", call: ["updateFactory", "UpdateFactoryInput", { id: "matrix-factory", expectedVersion: 2, workforce: -3, workforceYear: 2026 }], expected: invalid(["input", "workforce"]) },
  { title: "a URL that is not one", call: ["createSource", "CreateSourceInput", { slug: "s", kind: "NEWS", title: "S", url: "not a url" }], expected: invalid(["input", "url"]) },
  { title: "an ftp:// URL", call: ["createSource", "CreateSourceInput", { slug: "s", kind: "NEWS", title: "S", url: "ftp://example.com/file" }], expected: invalid(["input", "url"]) },
  { title: "a javascript: URL", call: ["createBrand", "CreateBrandInput", { slug: "js", name: "JS", website: "javascript:alert(1)" }], expected: invalid(["input", "website"]) },
  {
    title: "a route with a gap",
    call: ["recordProduction", "RecordProductionInput", { ...productionInput, model: "992", route: route(["cutting", 1], ["stitching", 3]) }],
    expected: invalid(["input", "route", "1", "position"]),
  },
  {
    title: "a route with a position twice",
    call: ["recordProduction", "RecordProductionInput", { ...productionInput, model: "992", route: route(["cutting", 1], ["stitching", 1]) }],
    expected: invalid(["input", "route", "1", "position"]),
  },
  {
    title: "a route with a step twice",
    call: ["recordProduction", "RecordProductionInput", { ...productionInput, model: "992", route: route(["cutting", 1], ["cutting", 2]) }],
    expected: invalid(["input", "route", "1", "step"]),
  },
  { title: "a production with neither factory nor country", call: ["recordProduction", "RecordProductionInput", { model: "992", citations }], expected: invalid(["input", "country"]) },
  {
    title: "a production in another country than its factory",
    call: ["recordProduction", "RecordProductionInput", { ...productionInput, model: "992", country: "VN" }],
    expected: invalid(["input", "country"]),
  },
  { title: "null for a name on update", call: ["updateFactory", "UpdateFactoryInput", { id: "matrix-factory", expectedVersion: 2, name: null }], expected: invalid(["input", "name"]) },
  { title: "expectedVersion 0", call: ["updateFactory", "UpdateFactoryInput", { id: "matrix-factory", expectedVersion: 0, city: "X" }], expected: invalid(["input", "expectedVersion"]) },
  { title: "a factory's ID where a brand is expected", call: ["createModel", "CreateModelInput", { slug: "m", name: "M", brand: encodeGlobalID("Factory", 1) }], expected: invalid(["input", "brand"]) },
  { title: "a source's ID as the cited fact", call: ["cite", "CiteInput", { fact: encodeGlobalID("Source", 1), ...matrixPassage }], expected: invalid(["input", "fact"]) },
  { title: "an unknown brand", call: ["createModel", "CreateModelInput", { slug: "m", name: "M", brand: "no-such-brand" }], expected: { __typename: "NotFoundError", path: ["input", "brand"], reference: "no-such-brand" } },
  { title: "an unknown factory ID", call: ["recordProduction", "RecordProductionInput", { ...productionInput, factory: encodeGlobalID("Factory", 999_999) }], expected: { __typename: "NotFoundError", path: ["input", "factory"] } },
  {
    title: "an unknown step in the middle of a route",
    call: ["recordProduction", "RecordProductionInput", { ...productionInput, model: "992", route: route(["cutting", 1], ["stitching", 2], ["teleporting", 3], ["lasting", 4]) }],
    expected: { __typename: "NotFoundError", path: ["input", "route", "2", "step"], reference: "teleporting" },
  },
  { title: "a factory that cites no source", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, citations: [] }], expected: invalid(["input", "citations"]) },
  { title: "a production citing the same source twice", call: ["recordProduction", "RecordProductionInput", { model: "992", country: "US", citations: [...citations, ...citations] }], expected: invalid(["input", "citations", "1", "source"]) },
  { title: "a workforce without the year it held", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, workforce: 50 }], expected: invalid(["input", "workforceYear"]) },
  { title: "an opening year on a planned factory", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, status: "PLANNED", openedYear: 2030 }], expected: invalid(["input", "openedYear"]) },
  {
    title: "a quote that is not a passage of the source's text",
    call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...matrixPassage, quote: "Words the source never said." }],
    expected: invalid(["input", "quote"]),
  },
  { title: "a locator into another page than the source's", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...newsPassage, locator: "https://elsewhere.example.org/matrix#:~:text=Example" }], expected: invalid(["input", "locator"]) },
  { title: "a locator without a fragment that finds the passage", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...newsPassage, locator: "https://news.example.org/matrix" }], expected: invalid(["input", "locator"]) },
  { title: "a locator naming words the kept text does not have", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...matrixPassage, locator: "#:~:text=never%20said" }], expected: invalid(["input", "locator"]) },
  { title: "a quote of a source whose text the graph does not keep", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...newsPassage, quote: "Example Plant opened." }], expected: invalid(["input", "quote"]) },
  { title: "a blank statement of the passage", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...newsPassage, statement: "   " }], expected: invalid(["input", "statement"]) },
  { title: "a passage read in the future", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...newsPassage, retrievedOn: "2999-01-01" }], expected: invalid(["input", "retrievedOn"]) },
  { title: "a claim quoting a source whose text the graph does not keep", call: ["recordClaim", "RecordClaimInput", { ...newsPassage, subject: encodeGlobalID("Brand", 1), topic: "MANUFACTURING_FOOTPRINT", quote: "Example Plant opened." }], expected: invalid(["input", "quote"]) },
  { title: "supports naming no field of the fact", call: ["cite", "CiteInput", { fact: encodeGlobalID("Brand", 1), ...matrixPassage, supports: ["colour"] }], expected: invalid(["input", "supports"]) },
  {
    title: "a made-in claim without its country",
    call: ["recordClaim", "RecordClaimInput", { ...matrixPassage, subject: encodeGlobalID("Brand", 1), topic: "MADE_IN", statement: "Made somewhere." }],
    expected: invalid(["input", "country"]),
  },
  {
    title: "a claim about a source",
    call: ["recordClaim", "RecordClaimInput", { ...matrixPassage, subject: encodeGlobalID("Source", 1), topic: "MANUFACTURING_FOOTPRINT", statement: "x" }],
    expected: invalid(["input", "subject"]),
  },
  { title: "removing a factory's last citation", call: ["uncite", "UnciteInput", { fact: encodeGlobalID("Factory", 8), source: "matrix-source" }], expected: { __typename: "ConflictError", reason: "LAST_CITATION", path: ["input", "source"] } },
  { title: "an update of nothing", call: ["updateFactory", "UpdateFactoryInput", { id: "no-such-factory", expectedVersion: 1, city: "X" }], expected: { __typename: "NotFoundError", path: ["input", "id"] } },
  { title: "removing a citation that is not there", call: ["uncite", "UnciteInput", { fact: encodeGlobalID("Brand", 1), source: "matrix-source" }], expected: { __typename: "NotFoundError", path: ["input", "source"] } },
  { title: "a taken slug", call: ["createFactory", "CreateFactoryInput", { ...factoryInput, slug: "nb-lawrence" }], expected: { __typename: "ConflictError", reason: "ALREADY_EXISTS", path: ["input", "slug"] } },
  { title: "a taken step position", call: ["createProcessStep", "CreateProcessStepInput", { slug: "welding", name: "Welding", position: 3 }], expected: { __typename: "ConflictError", reason: "ALREADY_EXISTS", path: ["input", "position"] } },
  { title: "the same model at the same factory twice", call: ["recordProduction", "RecordProductionInput", productionInput], expected: { __typename: "ConflictError", reason: "ALREADY_EXISTS", path: ["input", "factory"] } },
  {
    title: "the same model at the same factory twice, under another slug",
    call: ["recordProduction", "RecordProductionInput", { ...productionInput, slug: "another-slug" }],
    expected: { __typename: "ConflictError", reason: "ALREADY_EXISTS", path: ["input", "factory"] },
  },
  { title: "a taken production slug", call: ["recordProduction", "RecordProductionInput", { model: "992", country: "US", slug: "990-matrix-factory", citations }], expected: { __typename: "ConflictError", reason: "ALREADY_EXISTS", path: ["input", "slug"] } },
  { title: "citing the same source twice", call: ["cite", "CiteInput", { fact: encodeGlobalID("Factory", 1), ...matrixPassage }], expected: { __typename: "ConflictError", reason: "ALREADY_EXISTS", path: ["input", "source"] } },
  {
    title: "a stale version",
    call: ["updateFactory", "UpdateFactoryInput", { id: "matrix-factory", expectedVersion: 1, city: "Somewhere" }],
    expected: { __typename: "ConflictError", reason: "STALE_VERSION", path: ["input", "expectedVersion"], currentVersion: 2 },
  },
  { title: "a delete blocked by dependents", call: ["deleteFactory", "DeleteInput", { id: "matrix-factory", expectedVersion: 2 }], expected: { __typename: "ConflictError", reason: "HAS_DEPENDENTS", path: ["input", "id"] } },
];

const post = (send: Send, url: string, authorization: string, body: string, contentType = "application/json") =>
  send(url, { method: "POST", headers: { "content-type": contentType, accept: "application/graphql-response+json", authorization }, body });
const createBrand = (input: unknown) => JSON.stringify({ query: mutation("createBrand", "CreateBrandInput", "brand { id }"), variables: { input } });

const HTTP_CASES: readonly HttpCase[] = [
  { title: "a 1 MB string", request: (send, url, auth) => post(send, url, auth, createBrand({ slug: "big", name: "x".repeat(1024 * 1024) })), status: 413, message: /too large/ },
  { title: "a malformed JSON body", request: (send, url, auth) => post(send, url, auth, `{"query": "mutation {`), status: 400, message: /JSON/i },
  { title: "a wrong content type", request: (send, url, auth) => post(send, url, auth, createBrand({ slug: "t", name: "T" }), "text/plain"), status: [400, 415] },
  {
    title: "a mutation over GET",
    request: (send, url, auth) => send(`${url}?query=${encodeURIComponent(`mutation { createBrand(input: { slug: "g", name: "G" }) { __typename } }`)}`, { headers: { authorization: auth } }),
    status: 405,
  },
  { title: "a syntax error", request: (send, url, auth) => post(send, url, auth, JSON.stringify({ query: "mutation { createBrand(input: { slug: } }" })), status: 400, message: /Syntax Error/ },
  {
    title: "a string where an Int goes",
    request: (send, url, auth) => post(send, url, auth, createBrand({ slug: "t", name: "T", foundedYear: "1900" })),
    status: 400,
    message: /Int cannot represent/,
  },
  { title: "a missing required field", request: (send, url, auth) => post(send, url, auth, createBrand({ slug: "t" })), status: 400, message: /Field "name" of required type "String!" was not provided/ },
  { title: "a field the input does not have", request: (send, url, auth) => post(send, url, auth, createBrand({ slug: "t", name: "T", colour: "red" })), status: 400, message: /Field "colour" is not defined/ },
  // Country codes are the CountryCode scalar: refused as the variables are read.
  {
    title: "a three-letter country code",
    request: (send, url, auth) => post(send, url, auth, JSON.stringify({ query: mutation("createFactory", "CreateFactoryInput", "__typename"), variables: { input: { ...factoryInput, country: "USA" } } })),
    status: 400,
    message: /got invalid value "USA" at "input.country"; Value is not a valid country code/,
  },
  {
    title: "a country code that does not exist",
    request: (send, url, auth) => post(send, url, auth, JSON.stringify({ query: mutation("createFactory", "CreateFactoryInput", "__typename"), variables: { input: { ...factoryInput, country: "XX" } } })),
    status: 400,
    message: /got invalid value "XX" at "input.country"/,
  },
  {
    title: "an unknown enum value",
    request: (send, url, auth) => post(send, url, auth, JSON.stringify({ query: mutation("createFactory", "CreateFactoryInput", "factory { id }"), variables: { input: { ...factoryInput, status: "OPEN" } } })),
    status: 400,
    message: /Value "OPEN" does not exist in "FactoryStatus" enum/,
  },
];

describe("bad input gets the right error and writes nothing", () => {
  let server: TestApp;
  let curator: { authorization: string };
  beforeAll(async () => {
    server = await createTestApp();
    curator = await server.createToken("curator");
    const write = (name: string, inputType: string, input: Record<string, unknown>) => mutate(server, name, inputType, "__typename", input, curator);
    // A source with its text; a factory (the 8th: id 8) at version 2, citing only it, with a production; factory 1 cites it too.
    expect(await write("createSource", "CreateSourceInput", { slug: "matrix-source", kind: "NEWS", title: "Example Matrix", text: "An example text." })).toMatchObject({ __typename: "CreateSourcePayload" });
    expect(await write("createFactory", "CreateFactoryInput", { ...factoryInput, slug: "matrix-factory" })).toMatchObject({ __typename: "CreateFactoryPayload" });
    expect(await write("updateFactory", "UpdateFactoryInput", { id: "matrix-factory", expectedVersion: 1, workforce: 10, workforceYear: 2026 })).toMatchObject({ __typename: "UpdateFactoryPayload" });
    expect(await write("recordProduction", "RecordProductionInput", productionInput)).toMatchObject({ __typename: "RecordProductionPayload" });
    expect(await write("cite", "CiteInput", { fact: encodeGlobalID("Factory", 1), ...matrixPassage })).toMatchObject({ __typename: "CitePayload" });
    // A news source, whose text the graph does not keep: pointed at by its URL, never quoted.
    expect(await write("createSource", "CreateSourceInput", { slug: "matrix-news", kind: "NEWS", title: "Example News", url: "https://news.example.org/matrix", publishedOn: "2026-11-30" })).toMatchObject({ __typename: "CreateSourcePayload" });
  });
  afterAll(() => server?.close());

  it("has a case for each kind of mistake", () => {
    expect(MUTATION_CASES.length + HTTP_CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(MUTATION_CASES)("$title", async ({ call: [name, inputType, input], expected }) => {
    const outcome = await expectNothingWritten(server, () => mutate(server, name, inputType, "__typename", input, curator));
    const { path, ...rest } = expected;
    expect(outcome).toMatchObject(rest);
    expect(outcome.message).toEqual(expect.any(String));
    if (path && outcome.__typename === "ValidationError") {
      expect((outcome.issues as { path: string[] }[]).map((issue) => issue.path)).toContainEqual(path);
    } else if (path) {
      expect(outcome.path).toEqual(path);
    }
  });

  it.each(HTTP_CASES)("$title", async ({ request, status, message }) => {
    const response = await expectNothingWritten(server, () => request((input, init) => server.fetch(input, init), server.url, curator.authorization));
    expect([status].flat()).toContain(response.status);
    if (message) expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(message);
  });

  it("reports every problem of an input at once", async () => {
    const outcome = await expectNothingWritten(server, () =>
      mutate(server, "createFactory", "CreateFactoryInput", "__typename", { ...factoryInput, slug: "Bad", name: "", city: " ", openedYear: 1700, workforce: -1 }, curator),
    );
    expect((outcome.issues as { path: string[] }[]).map((issue) => issue.path.join("."))).toEqual([
      "input.slug",
      "input.name",
      "input.city",
      "input.openedYear",
      "input.workforce",
    ]);
  });
});
