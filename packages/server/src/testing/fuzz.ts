import { TokenScope } from "@solegraph/db";
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { encodeGlobalID } from "../global-id.ts";
import { getSchema } from "../schema/index.ts";
import type { TestApp } from "./index.ts";

/**
 * A schema-aware fuzzer: random operations built from the schema itself (fields,
 * arguments, input objects, fragments, aliases, directives, variables), with values
 * both sensible (real slugs and IDs, valid codes) and hostile (NUL and lone-surrogate
 * escapes, int4 overflows, other types' IDs, forged cursors, huge pages, wrong enums).
 * Every response is checked: never a 5xx, never an internal error, never a leaked
 * internal (SQL, stack, file path); and, at the end, every row count change is
 * explained by the audit trail. Seeded: a failing run is replayed with its seed.
 */
export interface FuzzReport {
  readonly requests: number;
  readonly byStatus: Readonly<Record<number, number>>;
  readonly byCode: Readonly<Record<string, number>>;
  readonly writes: number;
  readonly problems: readonly string[];
}

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEAKS = /SELECT |INSERT |UPDATE "|prisma|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|pglite|violates|duplicate key|syntax error at|stack/i;

export async function fuzz(graph: TestApp, options: FuzzOptions): Promise<FuzzReport> {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number) => rand() < p;
  const schema = getSchema();

  const curator = await graph.createToken(`example-fuzz-curator-${options.seed}`, [TokenScope.CURATE]);
  const admin = await graph.createToken(`example-fuzz-admin-${options.seed}`, [TokenScope.ADMIN]);
  const before = await counts(graph);

  // Real references to aim at, and some that name nothing.
  // Claims have no slug: they are referred to by global ID (the "slug" here is one).
  const rows = async (table: string) =>
    table === "Claim"
      ? (await graph.db.sql.query<{ id: number }>(`SELECT id FROM "Claim" ORDER BY id LIMIT 40`)).map(({ id }) => ({ id, slug: encodeGlobalID("Claim", id) }))
      : graph.db.sql.query<{ id: number; slug: string }>(`SELECT id, slug FROM "${table}" ORDER BY id LIMIT 40`);
  const refs: Record<string, { id: number; slug: string }[]> = {};
  for (const table of ["Brand", "SneakerModel", "Factory", "Production", "Source", "ProcessStep", "Claim"] as const) {
    refs[table] = await rows(table);
  }
  const ids = () => {
    const typename = pick(Object.keys(refs));
    const row = pick(refs[typename]!);
    return pick([
      encodeGlobalID(typename, row?.id ?? 1),
      encodeGlobalID(typename, row?.id ?? 1),
      row?.slug ?? "nike",
      encodeGlobalID(typename, 99_999),
      encodeGlobalID(typename, "2147483648"),
      encodeGlobalID("Country", 1),
      encodeGlobalID("ProductionStep", 1),
      "not-an-id",
      "%%%",
      "",
      "R1BDOlM6YWJj",
    ]);
  };
  const strings = () =>
    pick([
      "nike",
      "new-balance",
      "990v5",
      "nb-lawrence",
      "stitching",
      "seed-article",
      `example-fuzz-${Math.floor(rand() * 1e6)}`,
      `Example Fuzz ${Math.floor(rand() * 1000)}`,
      "Made in USA",
      "hiero",
      "",
      "   ",
      "UPPER Case Slug",
      "x".repeat(300),
      "y".repeat(6000),
      "\u0000",
      "a\ud800b",
      "\udc00",
      "👟 sneaker",
      "Robert'); DROP TABLE \"Brand\";--",
      "%_\\",
      "https://example.org/report",
      "javascript:alert(1)",
      "US",
      "USA",
      "R1BDOk46Mw==",
    ]);
  const ints = () => pick([0, 1, 2, 3, 5, 10, 20, 50, 100, 101, 1000, -1, 1800, 1799, 1906, 2100, 3000, 2147483647, 2147483648, -2147483649]);

  /**
   * A value a curator would send for a field of this name: fresh slugs, real
   * references, valid codes and ranges. Most mutations get these, so that writes go
   * through (and their audit records can be checked); the rest get anything.
   */
  let serial = 0;
  const entityOf = (mutationName: string) =>
    /Brand/.test(mutationName) ? "Brand" : /Model/.test(mutationName) ? "SneakerModel" : /Factory/.test(mutationName) ? "Factory" : /Production/.test(mutationName) ? "Production" : /ProcessStep/.test(mutationName) ? "ProcessStep" : /Claim/.test(mutationName) ? "Claim" : "Source";
  const slugOf = (typename: string) => pick(refs[typename]!).slug;
  function sensible(name: string, type: GraphQLInputType, mutationName: string): unknown {
    const named = getNamedType(type);
    serial += 1;
    if (isListType(isNonNullType(type) ? type.ofType : type)) {
      if (name === "citations") return [{ source: slugOf("Source"), ...(chance(0.3) && { supports: ["notes"] }) }];
      if (name === "supports") return chance(0.5) ? [] : ["notes"];
      const steps = refs["ProcessStep"]!.slice().sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 3));
      return steps.map((step, i) => ({ step: step.slug, position: i + 1, technique: chance(0.5) ? "Example technique" : null }));
    }
    if (isEnumType(named)) return pick(named.getValues()).name;
    switch (name) {
      case "slug":
        return `example-fuzz-${options.seed}-${serial}`;
      case "name":
      case "title":
      case "city":
        return `Example Fuzz ${serial}`;
      case "country":
        return pick(["US", "GB", "VN"]);
      case "brand":
      case "operatorBrand":
        return slugOf("Brand");
      case "model":
        return slugOf("SneakerModel");
      case "factory":
        return chance(0.3) ? null : slugOf("Factory");
      case "source":
        return slugOf("Source");
      case "subject":
      case "fact": {
        const typename = pick(["Brand", "SneakerModel", "Factory", "Production"]);
        return encodeGlobalID(typename, pick(refs[typename]!).id);
      }
      case "id":
        return slugOf(entityOf(mutationName));
      case "expectedVersion":
        return 1;
      case "position":
        return 10 + serial;
      case "quote":
        return "Example quote from the source.";
      case "url":
      case "website":
        return "https://example.org/source";
      case "status":
        return "OPERATING";
      default:
        if (named.name === "Int") return 1990 + (serial % 30);
        if (named.name === "Date") return "2023-12-05";
        return `Example ${name} ${serial}`;
    }
  }

  function sensibleInput(type: GraphQLInputType, mutationName: string): unknown {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return value(type, 0);
    const object: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) || chance(0.3)) object[field.name] = sensible(field.name, field.type, mutationName);
    }
    return object;
  }

  function value(type: GraphQLInputType, depth: number): unknown {
    if (isNonNullType(type)) return chance(0.03) ? null : value(type.ofType, depth);
    if (chance(0.05)) return null;
    if (isListType(type)) {
      const length = chance(0.03) ? 101 : Math.floor(rand() * 4);
      return Array.from({ length }, () => value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) return chance(0.9) ? pick(type.getValues()).name : "NOT_A_VALUE";
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || chance(0.4)) object[field.name] = value(field.type, depth + 1);
      }
      return object;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case "Int":
          return ints();
        case "Float":
          return pick([0, 0.5, -1, 1e308, 25]);
        case "Boolean":
          return chance(0.5);
        case "ID":
          return ids();
        case "CountryCode":
          return pick(["US", "GB", "vn", "XX", "USA", "", "1"]);
        case "Date":
          return pick(["2023-12-05", "2023-02-30", "yesterday", ""]);
        case "DateTime":
          return pick(["2023-12-05T10:00:00Z", "nope"]);
        default:
          return strings();
      }
    }
    return null;
  }

  const literal = (v: unknown): string => {
    if (v === null || v === undefined) return "null";
    if (Array.isArray(v)) return `[${v.map(literal).join(", ")}]`;
    if (typeof v === "object") return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${literal(x)}`).join(", ")} }`;
    if (typeof v === "string" && /^[A-Z_]+$/.test(v) && v.length > 1 && chance(0.5)) return v; // an enum literal, or not
    return JSON.stringify(v);
  };

  function selection(type: GraphQLNamedType, depth: number, variables: Map<string, { type: string; value: unknown }>): string {
    if (isLeafType(type)) return "";
    if (isAbstractType(type)) {
      const parts = ["__typename"];
      for (const possible of schema.getPossibleTypes(type)) if (chance(0.5)) parts.push(`... on ${possible.name} ${selection(possible, depth, variables)}`);
      return `{ ${parts.join(" ")} }`;
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields());
    const chosen = fields.filter(() => chance(depth > 3 ? 0.15 : 0.35));
    if (chosen.length === 0) chosen.push(pick(fields));
    const parts = chosen.map((field) => fieldSelection(field, depth, variables));
    if (chance(0.1)) parts.push("__typename");
    return `{ ${parts.join(" ")} }`;
  }

  function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, variables: Map<string, { type: string; value: unknown }>): string {
    const named = getNamedType(field.type as GraphQLOutputType);
    const curating = depth === 1 && field.name in (schema.getMutationType()?.getFields() ?? {}) && chance(0.7);
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || chance(0.5))
      .map((arg) => argument(arg, variables, curating ? () => sensibleInput(arg.type, field.name) : undefined));
    const alias = chance(0.1) ? `a${Math.floor(rand() * 1000)}: ` : "";
    const directive = chance(0.05) ? ` @include(if: ${chance(0.5)})` : "";
    const sub = isLeafType(named) ? "" : depth > 5 ? "{ __typename }" : selection(named, depth + 1, variables);
    return `${alias}${field.name}${args.length ? `(${args.join(", ")})` : ""}${directive} ${sub}`;
  }

  function argument(arg: GraphQLArgument, variables: Map<string, { type: string; value: unknown }>, make?: () => unknown): string {
    const v = make ? make() : value(arg.type, 0);
    if (chance(0.5)) {
      const name = `v${variables.size}`;
      variables.set(name, { type: String(arg.type), value: v });
      return `${arg.name}: $${name}`;
    }
    return `${arg.name}: ${literal(v)}`;
  }

  const byStatus: Record<number, number> = {};
  const byCode: Record<string, number> = {};
  const problems: string[] = [];
  let writes = 0;
  const queryType = schema.getQueryType()!;
  const mutationType = schema.getMutationType()!;

  for (let i = 0; i < options.count; i++) {
    const variables = new Map<string, { type: string; value: unknown }>();
    const mutation = chance(0.3);
    let body: string;
    if (mutation) {
      const field = pick(Object.values(mutationType.getFields()));
      body = `mutation Fuzz${i}($__unused: Int) { ${fieldSelection(field, 1, variables)} }`;
    } else {
      body = `query Fuzz${i}($__unused: Int) ${selection(queryType, 0, variables)}`;
    }
    const declared = [...variables].map(([name, { type }]) => `$${name}: ${type}`).join(", ");
    const query = body.replace("($__unused: Int)", declared ? `(${declared})` : "");
    const variableValues = Object.fromEntries([...variables].map(([name, { value: v }]) => [name, v]));
    const headers = mutation ? (chance(0.9) ? curator : chance(0.5) ? admin : {}) : chance(0.1) ? admin : {};
    let response: Response;
    try {
      response = await graph.fetch(graph.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: chance(0.5) ? "application/graphql-response+json" : "application/json", ...headers },
        body: JSON.stringify({ query, variables: variableValues }),
      });
    } catch (error) {
      problems.push(`request ${i} threw ${String(error)}\n${query}`);
      continue;
    }
    const text = await response.text();
    byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
    const describe = () => `request ${i} (seed ${options.seed}): ${response.status} ${text.slice(0, 400)}\n${query}\n${JSON.stringify(variableValues).slice(0, 400)}`;
    if (response.status >= 500) problems.push(`5xx: ${describe()}`);
    let parsed: { data?: Record<string, { __typename?: string } | null> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push(`not JSON: ${describe()}`);
      continue;
    }
    for (const error of parsed.errors ?? []) {
      const code = error.extensions?.code ?? "(none)";
      byCode[code] = (byCode[code] ?? 0) + 1;
      if (code === "INTERNAL_SERVER_ERROR" || error.message === "Unexpected error.") problems.push(`internal error: ${describe()}`);
      if (code === "(none)") problems.push(`error without a code: ${describe()}`);
    }
    if (LEAKS.test(JSON.stringify(parsed.errors ?? []))) problems.push(`leaked internals: ${describe()}`);
    if (mutation && parsed.data) {
      const result = Object.values(parsed.data)[0];
      if (result?.__typename?.endsWith("Payload")) writes += 1;
    }
  }

  problems.push(...(await unexplainedCounts(graph, before)));
  return { requests: options.count, byStatus, byCode, writes, problems };
}

const AUDITED: Record<string, { table: string; citations: string | undefined }> = {
  BRAND: { table: "Brand", citations: "BrandSource" },
  SNEAKER_MODEL: { table: "SneakerModel", citations: "SneakerModelSource" },
  FACTORY: { table: "Factory", citations: "FactorySource" },
  PRODUCTION: { table: "Production", citations: "ProductionSource" },
  PROCESS_STEP: { table: "ProcessStep", citations: undefined },
  SOURCE: { table: "Source", citations: undefined },
  CLAIM: { table: "Claim", citations: undefined },
};

async function counts(graph: TestApp): Promise<{ rows: Record<string, number>; lastChange: number }> {
  const tables = Object.values(AUDITED).flatMap(({ table, citations }) => (citations ? [table, citations] : [table]));
  const rows: Record<string, number> = {};
  for (const table of tables) rows[table] = (await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;
  const lastChange = (await graph.db.sql.query<{ id: number | null }>(`SELECT max(id) AS id FROM "Change"`))[0]!.id ?? 0;
  return { rows, lastChange };
}

/**
 * Every row that appeared or vanished has its audit record: entities by their CREATE
 * and DELETE records, citations by CITE and UNCITE and by the CREATE of a fact created
 * with them (its `after` lists them), and citations and claims removed with a deleted
 * fact by that fact's DELETE record (its `before` lists them).
 */
async function unexplainedCounts(graph: TestApp, before: Awaited<ReturnType<typeof counts>>): Promise<string[]> {
  const after = await counts(graph);
  const changes = await graph.db.sql.query<{
    entityType: string;
    action: string;
    before: { sources?: unknown[]; claims?: unknown[] } | null;
    after: { sources?: unknown[] } | null;
  }>(
    `SELECT "entityType", action, before, after FROM "Change" WHERE id > $1`,
    [before.lastChange],
  );
  const problems: string[] = [];
  for (const [type, { table, citations }] of Object.entries(AUDITED)) {
    const of = (action: string) => changes.filter((c) => c.entityType === type && c.action === action);
    const entityDelta = after.rows[table]! - before.rows[table]!;
    // Claims also go when their subject is deleted: its DELETE record lists them.
    const claimsCascaded = type === "CLAIM" ? changes.filter((c) => c.action === "DELETE").reduce((sum, c) => sum + (c.before?.claims?.length ?? 0), 0) : 0;
    const recorded = of("CREATE").length - of("DELETE").length - claimsCascaded;
    if (entityDelta !== recorded) problems.push(`${table}: ${entityDelta} rows changed, the audit trail explains ${recorded}`);
    if (citations) {
      const citationDelta = after.rows[citations]! - before.rows[citations]!;
      const cascaded = of("DELETE").reduce((sum, c) => sum + (c.before?.sources?.length ?? 0), 0);
      const createdWith = of("CREATE").reduce((sum, c) => sum + (c.after?.sources?.length ?? 0), 0);
      const explained = of("CITE").length - of("UNCITE").length - cascaded + createdWith;
      if (citationDelta !== explained) problems.push(`${citations}: ${citationDelta} rows changed, the audit trail explains ${explained}`);
    }
  }
  return problems;
}
