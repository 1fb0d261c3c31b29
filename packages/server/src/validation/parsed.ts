import type { z } from "zod";

/**
 * The zod plugin passes resolvers what the input's schema parsed (trimmed, upper-cased,
 * checked), typed as the raw GraphQL input. This gives that value its real type.
 */
export function parsed<S extends z.ZodType>(_schema: S, value: unknown): z.output<S> {
  return value as z.output<S>;
}

/** `T` with optional keys that are present, never `undefined`: what Prisma's data wants. */
export type Given<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Keeps the keys that were given: absent fields leave columns as they are. */
export function given<T extends object>(value: T): Given<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Given<T>;
}
