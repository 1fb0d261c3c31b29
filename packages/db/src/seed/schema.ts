import { z } from "zod";
import { COLUMNS } from "../rules/columns.ts";
import { slug } from "../rules/fields.ts";

// The shape of the seed files in prisma/seed/, built from the column rules the API uses
// too (rules/columns.ts). Checked on load, so a typo in a reviewed JSON diff fails with
// the file and path rather than a database error.

/** A column the file may leave out; it is stored as NULL. */
const optional = <T extends z.ZodType>(type: T) => type.nullable().default(null);
const reference = slug();
const citation = z.object({ source: reference, quote: COLUMNS.Citation.quote.nullable() });
const citations = z.array(citation).min(1, "every seeded fact cites at least one source");

const { Brand, SneakerModel, Factory, ProcessStep, Production, ProductionStep, Material, Source, BrandClaim } = COLUMNS;

export const seedFiles = {
  sources: z.array(
    z.object({
      slug: Source.slug,
      title: Source.title,
      publisher: Source.publisher.nullable(),
      url: Source.url.nullable(),
      publishedOn: Source.publishedOn.nullable(),
    }),
  ),
  brands: z.array(
    z.object({
      slug: Brand.slug,
      name: Brand.name,
      description: optional(Brand.description),
      headquartersCity: optional(Brand.headquartersCity),
      headquartersRegion: optional(Brand.headquartersRegion),
      countryCode: optional(Brand.countryCode),
      foundedYear: optional(Brand.foundedYear),
      website: optional(Brand.website),
      sources: citations,
      claims: z
        .array(
          z.object({
            source: reference,
            topic: BrandClaim.topic,
            countryCode: BrandClaim.countryCode.nullable(),
            sharePercent: BrandClaim.sharePercent.nullable(),
            statement: BrandClaim.statement,
          }),
        )
        .default([]),
    }),
  ),
  processSteps: z.array(
    z.object({ slug: ProcessStep.slug, name: ProcessStep.name, position: ProcessStep.position, description: ProcessStep.description }),
  ),
  materials: z.array(
    z.object({ slug: Material.slug, name: Material.name, kind: Material.kind, description: optional(Material.description) }),
  ),
  factories: z.array(
    z.object({
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
      closedYear: optional(Factory.closedYear),
      workforce: optional(Factory.workforce),
      floorAreaSqFt: optional(Factory.floorAreaSqFt),
      weeklyCapacityPairs: optional(Factory.weeklyCapacityPairs),
      notes: optional(Factory.notes),
      sources: citations,
    }),
  ),
  models: z.array(
    z.object({
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
    z.object({
      slug: Production.slug,
      model: reference,
      factory: reference.nullable(),
      countryCode: Production.countryCode,
      labelClaim: optional(Production.labelClaim),
      annualVolume: optional(Production.annualVolume),
      startYear: optional(Production.startYear),
      endYear: optional(Production.endYear),
      notes: optional(Production.notes),
      route: z.array(z.object({ step: reference, technique: ProductionStep.technique.nullable() })).default([]),
      sources: citations,
    }),
  ),
};

export type SeedData = { [K in keyof typeof seedFiles]: z.output<(typeof seedFiles)[K]> };
