import { z } from "zod";

// The shape of the seed files in prisma/seed/. Checked on load, so a typo in a
// reviewed JSON diff fails with the file and path rather than a database error.

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug");
const country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");
const year = z.number().int().min(1800).max(2100);
/** A field the file may leave out; it is stored as NULL. */
const optional = <T extends z.ZodType>(type: T) => type.nullable().default(null);
const citation = z.object({ source: slug, quote: z.string().nullable() });
const citations = z.array(citation).min(1, "every seeded fact cites at least one source");

export const seedFiles = {
  sources: z.array(
    z.object({
      slug,
      title: z.string().min(1),
      publisher: z.string().nullable(),
      url: z.url({ protocol: /^https?$/ }).nullable(),
      publishedOn: z.iso.date().nullable(),
    }),
  ),
  brands: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      description: optional(z.string()),
      headquartersCity: optional(z.string()),
      headquartersRegion: optional(z.string()),
      countryCode: optional(country),
      foundedYear: optional(year),
      website: optional(z.url()),
      sources: citations,
      claims: z
        .array(
          z.object({
            source: slug,
            topic: z.enum(["PRODUCTION_SHARE", "DOMESTIC_CONTENT", "MANUFACTURING_FOOTPRINT"]),
            countryCode: country.nullable(),
            sharePercent: z.number().min(0).max(100).nullable(),
            statement: z.string().min(1),
          }),
        )
        .default([]),
    }),
  ),
  processSteps: z.array(
    z.object({ slug, name: z.string().min(1), position: z.number().int().min(1), description: z.string() }),
  ),
  materials: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      kind: z.enum(["LEATHER", "SYNTHETIC_LEATHER", "TEXTILE", "FOAM", "RUBBER", "OTHER"]),
      description: optional(z.string()),
    }),
  ),
  factories: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      operatorBrand: optional(slug),
      operatorName: optional(z.string()),
      ownership: z.enum(["OWNED", "CONTRACT"]),
      status: z.enum(["PLANNED", "OPERATING", "CLOSED"]),
      streetAddress: optional(z.string()),
      city: z.string().min(1),
      region: optional(z.string()),
      countryCode: country,
      openedYear: optional(year),
      closedYear: optional(year),
      workforce: optional(z.number().int().min(0)),
      floorAreaSqFt: optional(z.number().int().positive()),
      weeklyCapacityPairs: optional(z.number().int().min(0)),
      notes: optional(z.string()),
      sources: citations,
    }),
  ),
  models: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      brand: slug,
      series: optional(z.string()),
      category: optional(z.enum(["RUNNING", "LIFESTYLE", "COURT", "BASKETBALL", "TRAIL", "HIKING", "WALKING", "TRAINING"])),
      releaseYear: optional(year),
      description: optional(z.string()),
      sources: citations,
    }),
  ),
  productions: z.array(
    z.object({
      slug,
      model: slug,
      factory: slug.nullable(),
      countryCode: country,
      labelClaim: optional(z.string()),
      annualVolume: optional(z.number().int().min(0)),
      startYear: optional(year),
      endYear: optional(year),
      notes: optional(z.string()),
      route: z.array(z.object({ step: slug, technique: z.string().nullable() })).default([]),
      sources: citations,
    }),
  ),
};

export type SeedData = { [K in keyof typeof seedFiles]: z.output<(typeof seedFiles)[K]> };
