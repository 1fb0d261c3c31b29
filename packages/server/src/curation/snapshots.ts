/**
 * What the audit trail records beside an entity's row (its descriptor's `snapshot`):
 * what goes with it when it is deleted (citations, claims), so that a deletion's
 * record keeps everything that went.
 */
export const CITATIONS_SNAPSHOT = {
  select: { locator: true, statement: true, retrievedOn: true, quote: true, supports: true, source: { select: { slug: true } } },
  orderBy: { sourceId: "asc" },
} as const;

export const CLAIMS_SNAPSHOT = {
  select: { id: true, topic: true, stance: true, countryCode: true, sharePercent: true, statement: true, locator: true, retrievedOn: true, quote: true, source: { select: { slug: true } } },
  orderBy: { id: "asc" },
} as const;

export const BRAND_RELATIONS_SNAPSHOT = {
  select: { relation: true, brand: { select: { slug: true } }, source: { select: { slug: true } } },
  orderBy: [{ brandId: "asc" }, { sourceId: "asc" }],
} as const;
