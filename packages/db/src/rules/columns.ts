import { z } from "zod";
import { ClaimStance, ClaimTopic, FactoryStatus, MaterialKind, ModelCategory, Ownership, SourceKind } from "../generated/prisma/enums.ts";
import { address, locator, MESSAGES, count, countryCode, latitude, longitude, sectors, httpUrl, isoDate, longText, name, percent, positiveInt, PRODUCTION_SLUG_MAX, quote, shortText, slug, sourceText, year } from "./fields.ts";

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
    address,
    latitude,
    longitude,
    sectors,
    region: shortText,
    countryCode,
    openedYear: year,
    plannedOpeningYear: year,
    closedYear: year,
    workforce: count,
    workforceYear: year,
    lineWorkers: count,
    femaleWorkersPercent: percent,
    migrantWorkersPercent: percent,
    workerFiguresYear: year,
    floorAreaSqFt: positiveInt,
    weeklyCapacityPairs: count,
    weeklyCapacityYear: year,
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
    kind: z.enum(SourceKind),
    publisher: shortText,
    url: httpUrl,
    publishedOn: isoDate,
    asOf: isoDate,
    licence: shortText,
    text: sourceText,
  },
  Claim: {
    topic: z.enum(ClaimTopic),
    stance: z.enum(ClaimStance),
    countryCode,
    sharePercent: percent,
    statement: longText.trim().min(1, "must not be blank"),
    quote,
    locator,
    retrievedOn: isoDate,
  },
  BrandFactory: {
    relation: z.enum(Ownership),
  },
  Citation: {
    quote,
    locator,
    statement: longText.trim().min(1, MESSAGES.blank),
    retrievedOn: isoDate,
    supports: z.array(z.string().regex(/^[a-z][A-Za-z]*$/, "must name a field, e.g. \"workforce\"")).max(50),
  },
} as const;

export type ColumnRules = typeof COLUMNS;
