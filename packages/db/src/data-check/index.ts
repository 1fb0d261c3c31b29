import type { SqlConnection } from "../sql-connection.ts";
import { checkFacts } from "./facts.ts";
import { checkCitations, checkClaims } from "./passages.ts";
import type { DataProblem } from "./problem.ts";
import { checkProductions } from "./productions.ts";
import { checkSources, readSources } from "./sources.ts";

export { formatProblem, type DataProblem } from "./problem.ts";
export { IDENTITY_FIELDS, fieldOfColumn } from "./facts.ts";
export { namesAny } from "./productions.ts";

/**
 * What `npm run data:check` checks, on the whole graph: every citation and claim points
 * at its passage (a locator with a text fragment, or a kept text's verbatim quote), says
 * what it states and when it was read; every production's statements name its model
 * (or line) and its factory (or town); every news source is dated; every fact and
 * every field it sets is cited. Returns every problem, record and field named.
 */
export async function checkData(sql: SqlConnection, today: Date = new Date()): Promise<DataProblem[]> {
  const sources = await readSources(sql);
  return [
    ...(await checkSources(sql)),
    ...(await checkFacts(sql)),
    ...(await checkCitations(sql, sources, today)),
    ...(await checkClaims(sql, sources, today)),
    ...(await checkProductions(sql)),
  ];
}
