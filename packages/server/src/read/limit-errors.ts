import { GraphQLError } from "graphql";

/**
 * Refusals for requests that would cost too much, each with its own code. They refuse
 * the whole request: HTTP 400 with application/graphql-response+json (`spec`: plain
 * application/json keeps 200, as GraphQL over HTTP says).
 */
const refused = { status: 400, spec: true } as const;

/** First line: the cost counted while planning, before any SQL runs. */
export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `This query could read ${cost} rows; the limit is ${maxCost}. Ask for smaller pages (\`first\`/\`last\`, default 20) or fewer nested lists.`,
    { extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: refused } },
  );
}

/** Second check, still before it runs: what PostgreSQL's planner expects the statement to read. */
export function readsTooMuch(rowsRead: number, maxRowsRead: number): GraphQLError {
  return new GraphQLError(
    `This query would read about ${rowsRead} rows (PostgreSQL's estimate); the limit is ${maxRowsRead}. Narrow it with a filter (a brand, a country) or leave out \`totalCount\`.`,
    { extensions: { code: "QUERY_READS_TOO_MUCH", rowsRead, maxRowsRead, http: refused } },
  );
}

/** Second line: the statement ran out of time. */
export function deadlineExceeded(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The query took longer than ${timeoutMs} ms and was stopped. Ask for less.`, {
    extensions: { code: "DEADLINE_EXCEEDED", timeoutMs, http: refused },
  });
}

/** Second line: the answer is larger than the server sends. */
export function responseTooLarge(bytes: number, maxBytes: number): GraphQLError {
  return new GraphQLError(`The answer would be ${bytes} bytes; the limit is ${maxBytes}. Ask for less.`, {
    extensions: { code: "RESPONSE_TOO_LARGE", maxBytes, http: refused },
  });
}
