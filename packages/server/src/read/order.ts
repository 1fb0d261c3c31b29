import type { OrderTerm } from "./plan.ts";
import { join, raw, sql, type Sql } from "./sql.ts";

/** ` ORDER BY ...` for these terms over `alias` (empty when there are none). */
export function orderBy(terms: readonly OrderTerm[], alias: Sql, leadingSpace = true): Sql {
  if (terms.length === 0) return raw("");
  const rendered = terms.map((term) => {
    const nulls = term.nulls ? raw(term.nulls === "first" ? " NULLS FIRST" : " NULLS LAST") : raw("");
    return sql`${term.expression(alias)} ${raw(term.direction === "asc" ? "ASC" : "DESC")}${nulls}`;
  });
  return sql`${raw(leadingSpace ? " ORDER BY " : "ORDER BY ")}${join(rendered, ", ")}`;
}

/** Where NULLs sort under a term: explicit, or PostgreSQL's default. */
export function nullsPlacement(term: OrderTerm): "first" | "last" {
  return term.nulls ?? (term.direction === "asc" ? "last" : "first");
}

/** The same order read backwards (for `last`/`before`). */
export function reversed(terms: readonly OrderTerm[]): OrderTerm[] {
  return terms.map((term) => ({
    ...term,
    direction: term.direction === "asc" ? "desc" : "asc",
    nulls: nullsPlacement(term) === "first" ? "last" : "first",
  }));
}

/**
 * Rows that come after the row whose order values are `cursor` (one SQL expression per
 * term), in this order: the keyset condition, with NULLs where the order puts them.
 * It is written so an index on the order's columns can start the scan at the cursor:
 * a row comparison when every term goes the same way and none is nullable, else the
 * term-by-term alternatives plus a redundant bound on the first term.
 */
export function after(terms: readonly OrderTerm[], alias: Sql, cursor: readonly Sql[]): Sql {
  const values = terms.map((term) => term.expression(alias));
  const direction = terms[0]!.direction;
  if (terms.every((term) => !term.nullable && term.direction === direction)) {
    return sql`(${join(values, ", ")}) ${raw(direction === "asc" ? ">" : "<")} (${join(cursor, ", ")})`;
  }
  const alternatives = terms.map((term, i) => {
    const equalBefore = terms.slice(0, i).map((earlier, j) =>
      earlier.nullable ? sql`${values[j]!} IS NOT DISTINCT FROM ${cursor[j]!}` : sql`${values[j]!} = ${cursor[j]!}`,
    );
    return join([...equalBefore, beyond(term, values[i]!, cursor[i]!)], " AND ", "(", ")");
  });
  const expanded = join(alternatives, " OR ", "(", ")");
  const first = terms[0]!;
  if (first.nullable) return expanded;
  return sql`${values[0]!} ${raw(first.direction === "asc" ? ">=" : "<=")} ${cursor[0]!} AND ${expanded}`;
}

function beyond(term: OrderTerm, value: Sql, cursor: Sql): Sql {
  const greater = term.direction === "asc" ? raw(">") : raw("<");
  if (!term.nullable) return sql`${value} ${greater} ${cursor}`;
  return nullsPlacement(term) === "last"
    ? sql`(${cursor} IS NOT NULL AND (${value} ${greater} ${cursor} OR ${value} IS NULL))`
    : sql`((${cursor} IS NULL AND ${value} IS NOT NULL) OR ${value} ${greater} ${cursor})`;
}
