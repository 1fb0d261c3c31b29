import { GraphQLError } from "graphql";
import { sql, type Sql } from "./sql.ts";

/**
 * Connection cursors name a row by its integer primary key: base64 of "GPC:N:<id>"
 * (the format Pothos' Prisma plugin used, so cursors clients hold stay valid).
 */
const PREFIX = "GPC:N:";
const INT4_MAX = 2_147_483_647;

/** The cursor of a row, computed in SQL. */
export function cursorOf(id: Sql): Sql {
  return sql`encode(convert_to(${PREFIX}::text || ${id}, 'UTF8'), 'base64')`;
}

/** The row id a cursor names; a cursor we did not issue is the client's mistake. */
export function decodeCursor(cursor: string, argument: string, coordinate: string): number {
  const decoded = /^[A-Za-z0-9+/]{1,40}={0,2}$/.test(cursor) ? Buffer.from(cursor, "base64").toString("latin1") : "";
  const id = decoded.startsWith(PREFIX) && /^[1-9][0-9]{0,9}$/.test(decoded.slice(PREFIX.length)) ? Number(decoded.slice(PREFIX.length)) : 0;
  if (id < 1 || id > INT4_MAX) {
    throw new GraphQLError(`Invalid cursor: ${cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor} (\`${argument}\` on ${coordinate} takes a cursor this connection returned).`, {
      extensions: { code: "BAD_USER_INPUT", argument },
    });
  }
  return id;
}
