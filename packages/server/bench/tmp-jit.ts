import pg from "pg";
import { createDb } from "@solegraph/db";
import { SCALE_BRANDS } from "@solegraph/db/testing";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
const url = process.argv[2]!;
const db = await createDb({ url });
const sent: { text: string; values: readonly unknown[] }[] = [];
const app = createApp({ db, config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off", LOG_LEVEL: "silent", SOLEGRAPH_MAX_ROWS_READ: "100000000" }), onStatement: (text, values) => sent.push({ text, values }) });
const queries: Record<string, [string, Record<string, unknown>]> = {
  brand: [`query($slug: String!) { brand(slug: $slug) { name productionByCountry { countries { countryCode countryName recorded productionCount factoryCount knownVolume volumeShare } } models(first: 20) { totalCount edges { node { slug name } } } } }`, { slug: SCALE_BRANDS.big }],
  all: [`{ factories(first: 1) { totalCount } }`, {}],
  cn: [`{ factories(filter: {country: "CN"}, first: 20) { totalCount } }`, {}],
};
const client = new pg.Client({ connectionString: url });
await client.connect();
for (const [name, [query, variables]] of Object.entries(queries)) {
  sent.length = 0;
  const r = await app.fetch(new Request("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) }));
  const body = await r.json();
  const st = sent[0]!;
  for (const jit of ["on", "off"]) {
    await client.query(`SET jit = ${jit}`);
    const t0 = performance.now();
    const res = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${st.text}`, [...st.values]);
    const plan = res.rows[0]["QUERY PLAN"][0];
    console.log(name, `jit=${jit}`, "exec ms", plan["Execution Time"].toFixed(1), "JIT", JSON.stringify(plan.JIT?.Timing ?? null), "wall", (performance.now() - t0).toFixed(0), "errors", JSON.stringify((body as any).errors?.[0]?.extensions?.code ?? null));
  }
}
await client.end();
await db.close();
