import { z } from "zod";
import { COLUMNS } from "../rules/columns.ts";
import { slug } from "../rules/fields.ts";

// The shape of the seed files in prisma/seed/, built from the column rules the API uses
// too (rules/columns.ts). Checked on load, so a typo in a reviewed JSON diff fails with
// the file and path rather than a database error.

/** A column the file may leave out; it is stored as NULL. */
const optional = <T extends z.ZodType>(type: T) => type.nullable().default(null);
const reference = slug();
const { Brand, SneakerModel, Factory, ProcessStep, Production, ProductionStep, Material, Source, Claim, Citation } = COLUMNS;

/**
 * A source backing a fact: where its passage is (`locator`), what it states in our words
 * (`statement`), the day it was read, the passage verbatim only for a source whose text
 * the seed keeps (`quote`), and the fact's fields it states (`supports`; the test of the
 * seed checks that every field set is supported by some citation). Whether the locator
 * points into its source is checked on the loaded graph (`npm run data:check`).
 */
const citation = z.strictObject({
  source: reference,
  locator: Citation.locator,
  statement: Citation.statement,
  retrievedOn: Citation.retrievedOn,
  quote: optional(Citation.quote),
  supports: Citation.supports.default([]),
});
const citations = z.array(citation).min(1, "every seeded fact cites at least one source");

/** A claim's subject: exactly one of these, by slug. */
const subject = z.union([
  z.strictObject({ brand: reference }),
  z.strictObject({ model: reference }),
  z.strictObject({ factory: reference }),
  z.strictObject({ production: reference }),
]);

export const seedFiles = {
  sources: z.array(
    z.strictObject({
      slug: Source.slug,
      title: Source.title.nullable(),
      kind: Source.kind,
      publisher: Source.publisher.nullable(),
      url: Source.url.nullable(),
      publishedOn: Source.publishedOn.nullable(),
      /** A file beside the seed files holding the source's text, when the seed keeps it. */
      textFile: optional(z.string().regex(/^texts\/[a-z0-9-]+\.txt$/, "must name a file in texts/")),
    }),
  ),
  claims: z.array(
    z.strictObject({
      source: reference,
      subject,
      topic: Claim.topic,
      stance: Claim.stance.default("ASSERTS"),
      countryCode: optional(Claim.countryCode),
      sharePercent: optional(Claim.sharePercent),
      statement: Claim.statement,
      locator: Claim.locator,
      retrievedOn: Claim.retrievedOn,
      quote: optional(Claim.quote),
    }),
  ),
  brands: z.array(
    z.strictObject({
      slug: Brand.slug,
      name: Brand.name,
      description: optional(Brand.description),
      headquartersCity: optional(Brand.headquartersCity),
      headquartersRegion: optional(Brand.headquartersRegion),
      countryCode: optional(Brand.countryCode),
      foundedYear: optional(Brand.foundedYear),
      website: optional(Brand.website),
      sources: citations,
    }),
  ),
  processSteps: z.array(
    z.strictObject({
      slug: ProcessStep.slug,
      name: ProcessStep.name,
      position: ProcessStep.position,
      description: ProcessStep.description,
      /** The general descriptions of the process the description rests on. */
      sources: citations,
    }),
  ),
  materials: z.array(
    z.strictObject({ slug: Material.slug, name: Material.name, kind: Material.kind, description: optional(Material.description) }),
  ),
  factories: z.array(
    z.strictObject({
      slug: Factory.slug,
      name: Factory.name,
      operatorBrand: optional(reference),
      operatorName: optional(Factory.operatorName),
      ownership: Factory.ownership,
      status: Factory.status,
      streetAddress: optional(Factory.streetAddress),
      city: Factory.city,
      region: optional(Factory.region),
      countryCode: Factory.countryCode,
      openedYear: optional(Factory.openedYear),
      plannedOpeningYear: optional(Factory.plannedOpeningYear),
      closedYear: optional(Factory.closedYear),
      workforce: optional(Factory.workforce),
      workforceYear: optional(Factory.workforceYear),
      floorAreaSqFt: optional(Factory.floorAreaSqFt),
      weeklyCapacityPairs: optional(Factory.weeklyCapacityPairs),
      weeklyCapacityYear: optional(Factory.weeklyCapacityYear),
      notes: optional(Factory.notes),
      sources: citations,
    }),
  ),
  models: z.array(
    z.strictObject({
      slug: SneakerModel.slug,
      name: SneakerModel.name,
      brand: reference,
      series: optional(SneakerModel.series),
      category: optional(SneakerModel.category),
      releaseYear: optional(SneakerModel.releaseYear),
      description: optional(SneakerModel.description),
      sources: citations,
    }),
  ),
  productions: z.array(
    z.strictObject({
      slug: Production.slug,
      model: reference,
      factory: reference.nullable(),
      countryCode: Production.countryCode,
      labelClaim: optional(Production.labelClaim),
      annualVolume: optional(Production.annualVolume),
      startYear: optional(Production.startYear),
      endYear: optional(Production.endYear),
      notes: optional(Production.notes),
      route: z.array(z.strictObject({ step: reference, technique: ProductionStep.technique.nullable() })).default([]),
      sources: citations,
    }),
  ),
};

export type SeedData = { [K in keyof typeof seedFiles]: z.output<(typeof seedFiles)[K]> };
export type SeedCitation = z.output<typeof citation>;
