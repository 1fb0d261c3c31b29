import { z } from "zod";

/**
 * The rules every curated value follows, shared by the input schemas in this folder.
 * They mirror the database's CHECK constraints (prisma/migrations), which stay the last
 * word: these give the client every problem at once, with field paths, before a write.
 */

/** Same pattern as the `*_slug_format` CHECKs. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;
/** Production slugs combine a model's and a factory's, hence the longer cap. */
export const PRODUCTION_SLUG_MAX = 160;

export const NAME_MAX = 200;
export const TEXT_MAX = 5000;
export const QUOTE_MAX = 2000;
export const URL_MAX = 2000;
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;
/** No model goes through more steps than the vocabulary has; this bounds the work. */
export const ROUTE_MAX = 50;

export const slug = (max = SLUG_MAX) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(SLUG_PATTERN, "must be lowercase letters and digits in words joined by single hyphens, e.g. \"fresh-foam-x\"");

/** A required human-readable name: trimmed, not blank. */
export const name = z.string().trim().min(1, "must not be blank").max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

/** Short free text (city, region, series, label claim, ...). */
export const shortText = z.string().trim().max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

/** Notes and descriptions. */
export const longText = z.string().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`);

export const quote = z.string().trim().min(1, "must not be blank").max(QUOTE_MAX, `must be at most ${QUOTE_MAX} characters`);

export const year = z
  .number()
  .int()
  .min(YEAR_MIN, `must be between ${YEAR_MIN} and ${YEAR_MAX}`)
  .max(YEAR_MAX, `must be between ${YEAR_MIN} and ${YEAR_MAX}`);

/** Counts (pairs, people): whole and not negative. */
export const count = z.number().int().min(0, "must not be negative");

export const positiveInt = z.number().int().min(1, "must be at least 1");

/** Same rule as the Source_url_http CHECK: an absolute http(s) URL without spaces. */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http:// or https:// URL" })
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .regex(/^\S+$/, "must not contain spaces");

/**
 * An ISO 3166-1 alpha-2 code, upper-cased. Whether the country exists is the Country
 * table's call: its foreign keys refuse unknown codes, reported on this same field
 * (curation/constraint-errors.ts).
 */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 country code, e.g. \"US\"")
  .transform((code) => code.toUpperCase());

/** A reference to another entity: its slug or its global ID (curation/references.ts). */
export const reference = z.string().trim().min(1, "must not be blank").max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

export const expectedVersion = positiveInt;

/** Update inputs: a column that cannot be empty may be left out, not set to null. */
export const notNull = <T extends z.ZodType>(schema: T) =>
  z
    .custom<unknown>((value) => value !== null, { message: "cannot be null; leave it out to keep the current value" })
    .pipe(schema)
    .optional();

/** Adds an issue at `path` when `end` is before `start` (both given). */
export function checkOrdered(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
  start: string,
  end: string,
): void {
  const from = value[start];
  const to = value[end];
  if (typeof from === "number" && typeof to === "number" && to < from) {
    ctx.addIssue({ code: "custom", path: [end], message: `must not be before ${start} (${from})` });
  }
}
