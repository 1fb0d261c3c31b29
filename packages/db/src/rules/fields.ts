import { z } from "zod";

/**
 * The rules every stored value follows, written once: the seed files, the API's input
 * validation and the reading of the database's own refusals (constraints.ts) all use
 * these. The database's CHECK constraints (prisma/migrations) enforce the same rules
 * as the last word; these give every problem at once, with its field, before a write.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;
/** Production slugs combine a model's and a factory's, hence the longer cap. */
export const PRODUCTION_SLUG_MAX = 160;
export const NAME_MAX = 200;
export const TEXT_MAX = 5000;
export const QUOTE_MAX = 2000;
/** An archived article; quotes are checked against it. */
export const SOURCE_TEXT_MAX = 500_000;
export const URL_MAX = 2000;
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;
/** No model goes through more steps than the vocabulary has; this bounds the work. */
export const ROUTE_MAX = 50;

/** What each kind of rule says when a value breaks it (also for the database's refusals). */
export const MESSAGES = {
  slug: "must be lowercase letters and digits in words joined by single hyphens, e.g. \"fresh-foam-x\"",
  blank: "must not be blank",
  year: `must be between ${YEAR_MIN} and ${YEAR_MAX}`,
  negative: "must not be negative",
  positive: "must be at least 1",
  httpUrl: "must be an absolute http:// or https:// URL without spaces",
  countryCode: "must be an ISO 3166-1 alpha-2 country code, e.g. \"US\"",
  unknownCountry: "is not a known ISO 3166-1 alpha-2 country code",
  percent: "must be between 0 and 100",
  paired: "must be given together with the figure it dates, and only with it",
  latitude: "must be between -90 and 90 degrees",
  coordinates: "latitude and longitude go together: give both or neither",
  longitude: "must be between -180 and 180 degrees",
  notVerbatim: "must be a verbatim passage of the source's text",
  locator: "must be a URL (or nothing) followed by a fragment that finds the passage, e.g. #:~:text=first%20words,last%20words, without spaces",
  tooLong: (max: number) => `must be at most ${max} characters`,
} as const;

export const slug = (max = SLUG_MAX) => z.string().max(max, MESSAGES.tooLong(max)).regex(SLUG_PATTERN, MESSAGES.slug);

/** A required human-readable name: trimmed, not blank. */
export const name = z.string().trim().min(1, MESSAGES.blank).max(NAME_MAX, MESSAGES.tooLong(NAME_MAX));

/** Short free text (city, region, series, label claim, ...). */
export const shortText = z.string().trim().max(NAME_MAX, MESSAGES.tooLong(NAME_MAX));

/** Notes, descriptions and statements. */
export const longText = z.string().max(TEXT_MAX, MESSAGES.tooLong(TEXT_MAX));

/** A source's archived text. */
export const sourceText = z.string().max(SOURCE_TEXT_MAX, MESSAGES.tooLong(SOURCE_TEXT_MAX)).refine((text) => text.trim().length > 0, MESSAGES.blank);

/** A passage of a source, as it reads there. */
export const quote = z.string().trim().min(1, MESSAGES.blank).max(QUOTE_MAX, MESSAGES.tooLong(QUOTE_MAX));

export const year = z.number().int().min(YEAR_MIN, MESSAGES.year).max(YEAR_MAX, MESSAGES.year);

/** Counts (pairs, people): whole and not negative. */
export const count = z.number().int().min(0, MESSAGES.negative);

export const positiveInt = z.number().int().min(1, MESSAGES.positive);

export const percent = z.number().min(0, MESSAGES.percent).max(100, MESSAGES.percent);

/** An absolute http(s) URL without spaces (the `*_url_http` CHECKs). */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: MESSAGES.httpUrl })
  .max(URL_MAX, MESSAGES.tooLong(URL_MAX))
  .regex(/^\S+$/, MESSAGES.httpUrl);

/**
 * An ISO 3166-1 alpha-2 code, upper-cased. Whether the country exists is the Country
 * table's call: its foreign keys refuse unknown codes (constraints.ts).
 */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, MESSAGES.countryCode)
  .transform((code) => code.toUpperCase());

/** A postal address on one line, as facility lists give it. */
export const ADDRESS_MAX = 500;
export const address = z.string().trim().min(1, MESSAGES.blank).max(ADDRESS_MAX, MESSAGES.tooLong(ADDRESS_MAX));

export const latitude = z.number().min(-90, MESSAGES.latitude).max(90, MESSAGES.latitude);
export const longitude = z.number().min(-180, MESSAGES.longitude).max(180, MESSAGES.longitude);

/** What a site makes, as facility lists name it ("Footwear"). */
export const SECTORS_MAX = 20;
export const sectors = z.array(shortText.min(1, MESSAGES.blank)).max(SECTORS_MAX);

/** A date written YYYY-MM-DD. */
export const isoDate = z.iso.date();

/**
 * Where a passage is: a URL (or nothing) and a fragment, without spaces (the
 * `*_locator_fragment` CHECKs); passages.ts reads the fragment itself.
 */
export const locator = z
  .string()
  .trim()
  .max(URL_MAX, MESSAGES.tooLong(URL_MAX))
  .regex(/^(https?:\/\/[^\s#]+)?#\S+$/, MESSAGES.locator);
