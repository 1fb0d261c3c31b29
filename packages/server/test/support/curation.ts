import { tableCounts } from "@solegraph/db";
import { expect } from "vitest";
import type { GraphQLResponse, TestGraph } from "../../src/testing/index.ts";

/** Selects every outcome of a mutation result union: the payload's fields, or the error. */
export const OUTCOME = `
  __typename
  ... on MutationError { message }
  ... on ValidationError { issues { path message } }
  ... on NotFoundError { path reference }
  ... on ConflictError { reason path currentVersion }
  ... on ForbiddenError { requiredScope }
`;

/** A mutation document: `name(input: $input) { <outcome> <payload selection> }`. */
export function mutation(name: string, inputType: string, payload: string): string {
  const payloadType = `${name[0]!.toUpperCase()}${name.slice(1)}Payload`;
  return `mutation($input: ${inputType}!) { ${name}(input: $input) { ${OUTCOME} ... on ${payloadType} { ${payload} } } }`;
}

export type Outcome = Record<string, unknown> & { __typename: string };

/** Runs a mutation and returns its result union value (failing on top-level errors). */
export async function mutate(
  server: TestGraph,
  name: string,
  inputType: string,
  payload: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Outcome> {
  const response = await server.graphql<Record<string, Outcome>>(mutation(name, inputType, payload), { input }, headers);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![name]!;
}

/** Runs `work` and checks it changed the row count of no table at all. */
export async function expectNothingWritten<T>(server: TestGraph, work: () => Promise<T>): Promise<T> {
  const before = await tableCounts(server.db.sql);
  const result = await work();
  expect(await tableCounts(server.db.sql)).toEqual(before);
  return result;
}

export function expectUnauthenticated(response: GraphQLResponse<unknown>, message: RegExp): void {
  expect(response.status).toBe(401);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(response.errors?.[0]?.message).toMatch(message);
}
