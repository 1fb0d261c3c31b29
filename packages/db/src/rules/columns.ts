import { z } from "zod";
import { ClaimTopic, FactoryStatus, MaterialKind, ModelCategory, Ownership } from "../generated/prisma/enums.ts";
import { count, countryCode, httpUrl, isoDate, longText, name, percent, positiveInt, PRODUCTION_SLUG_MAX, quote, shortText, slug, year } from "./fields.ts";

/**
 * The rule of every column curators and the seed write, by table: the value a column
 * may hold when it holds one (NULL is each caller's business: required on create,
 * clearable on update, ...). Columns that reference other rows are not here: their
 * rule is that the row exists.
 */
export const COLUMNS = {
  Brand: {
    slug: slug(),
    name,
    description: longText,
    headquartersCity: shortText,
    headquartersRegion: shortText,
    countryCode,
    foundedYear: year,
    website: httpUrl,
  },
  SneakerModel: {
    slug: slug(),
    name,
    series: shortText,
    category: z.enum(ModelCategory),
    releaseYear: year,
    description: longText,
  },
  Factory: {
    slug: slug(),
    name,
    operatorName: shortText,
    ownership: z.enum(Ownership),
    status: z.enum(FactoryStatus),
    streetAddress: shortText,
    city: name,
    region: shortText,
    countryCode,
    openedYear: year,
    closedYear: year,
    workforce: count,
    floorAreaSqFt: positiveInt,
    weeklyCapacityPairs: count,
    notes: longText,
  },
  ProcessStep: {
    slug: slug(),
    name,
    position: positiveInt,
    description: longText,
  },
  Production: {
    slug: slug(PRODUCTION_SLUG_MAX),
    countryCode,
    labelClaim: shortText,
    annualVolume: count,
    startYear: year,
    endYear: year,
    notes: longText,
  },
  ProductionStep: {
    position: positiveInt,
    technique: shortText,
  },
  Material: {
    slug: slug(),
    name,
    kind: z.enum(MaterialKind),
    description: longText,
  },
  Source: {
    slug: slug(),
    title: name,
    publisher: shortText,
    url: httpUrl,
    publishedOn: isoDate,
  },
  BrandClaim: {
    topic: z.enum(ClaimTopic),
    countryCode,
    sharePercent: percent,
    statement: longText.trim().min(1, "must not be blank"),
  },
  Citation: {
    quote,
  },
} as const;

export type ColumnRules = typeof COLUMNS;
