import type pg from "pg";
import type { Sql } from "../read/sql.ts";

/**
 * What a planned statement would read, as PostgreSQL's planner estimates it: the
 * statement's EXPLAIN (no ANALYZE: nothing runs), walked node by node. The planner's
 * row count at a node is what it returns, not what it reads, so scans that read a
 * table or an index without a condition (a sequential scan, an index walked in order
 * to be filtered) count the table's rows; other scans count what their index
 * condition finds; a Limit scales its input by the share of it the plan consumes; the
 * inner side of a nested loop and a per-row subplan run once per outer row. An
 * estimate, not a bound: filters the planner misjudges misjudge it too.
 *
 * Estimates are cached per statement shape (its text: the same GraphQL document with
 * other variables is the same shape), so a shape costs one EXPLAIN per process; later
 * requests of it pay nothing. The estimate is the first request's: variables that make
 * the same shape read far more (a big brand after a small one) are stopped by the
 * statement timeout instead.
 */
export interface RowsReadEstimator {
  rowsRead(statement: Sql): Promise<number>;
}

interface PlanNode {
  readonly "Node Type": string;
  readonly "Plan Rows": number;
  readonly "Relation Name"?: string;
  readonly "Index Cond"?: string;
  readonly "Parent Relationship"?: string;
  readonly Plans?: readonly PlanNode[];
}

/** Nodes that read all their input before returning a row (an incremental sort reads a group at a time; a window its partition, here the page). */
const BLOCKING = new Set(["Sort", "Hash", "Aggregate", "SetOp", "Materialize"]);
const TABLE_SIZES_TTL_MS = 60_000;

export function createRowsReadEstimator(pool: pg.Pool, options: { maxShapes?: number } = {}): RowsReadEstimator {
  const cache = new Map<string, number>();
  const maxShapes = options.maxShapes ?? 2_000;
  let sizes: { readonly at: number; readonly rows: ReadonlyMap<string, number> } | undefined;

  async function tableRows(): Promise<ReadonlyMap<string, number>> {
    if (sizes && Date.now() - sizes.at < TABLE_SIZES_TTL_MS) return sizes.rows;
    const { rows } = await pool.query<{ relname: string; reltuples: number }>(
      `SELECT relname, greatest(reltuples, 0)::float8 AS reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
    );
    sizes = { at: Date.now(), rows: new Map(rows.map((row) => [row.relname, Number(row.reltuples)])) };
    return sizes.rows;
  }

  return {
    async rowsRead(statement) {
      const known = cache.get(statement.text);
      if (known !== undefined) return known;
      const { rows } = await pool.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, [...statement.values]);
      const parsed = rows[0]!["QUERY PLAN"];
      const plan = ((typeof parsed === "string" ? JSON.parse(parsed) : parsed) as { Plan: PlanNode }[])[0]!.Plan;
      const estimate = Math.round(rowsReadByPlan(plan, await tableRows()));
      if (cache.size < maxShapes) cache.set(statement.text, estimate);
      return estimate;
    },
  };
}

/** Rows a plan reads: see RowsReadEstimator. `tables` gives each table's row count. */
export function rowsReadByPlan(plan: PlanNode, tables: ReadonlyMap<string, number>): number {
  function visit(node: PlanNode, loops: number, share: number): number {
    const type = node["Node Type"];
    const runs = loops * share;
    let read = 0;
    const table = node["Relation Name"];
    if (type === "Seq Scan" || ((type === "Index Scan" || type === "Index Only Scan") && node["Index Cond"] === undefined)) {
      read += (table !== undefined ? (tables.get(table) ?? node["Plan Rows"]) : node["Plan Rows"]) * runs;
    } else if (type === "Index Scan" || type === "Index Only Scan" || type === "Bitmap Heap Scan") {
      read += node["Plan Rows"] * runs;
    }
    const children = node.Plans ?? [];
    const outer = children.find((child) => child["Parent Relationship"] === "Outer");
    for (const child of children) {
      const relationship = child["Parent Relationship"];
      if (type === "Bitmap Heap Scan") continue; // its index's matches are the heap rows counted above
      if (relationship === "SubPlan") {
        // Once per row of this node.
        read += visit(child, runs * Math.max(1, node["Plan Rows"]), 1);
      } else if (relationship === "InitPlan") {
        read += visit(child, loops, 1);
      } else if (BLOCKING.has(type) || (relationship === "Inner" && type === "Hash Join")) {
        read += visit(child, loops, 1);
      } else if (type === "Limit") {
        const share_ = Math.min(1, node["Plan Rows"] / Math.max(1, child["Plan Rows"]));
        read += visit(child, loops, share * share_);
      } else if (type === "Nested Loop" && relationship === "Inner") {
        read += visit(child, runs * Math.max(1, outer?.["Plan Rows"] ?? 1), 1);
      } else {
        read += visit(child, loops, share);
      }
    }
    return read;
  }
  return visit(plan, 1, 1);
}
