import type { Prisma } from "@solegraph/db";

/**
 * How the audit trail records an entity: its row with its citations (and a production's
 * route), so `before` and `after` show everything a write or its cascade changed. The
 * same loader serves both sides, so the two compare field by field.
 */
const citations = {
  select: { quote: true, source: { select: { slug: true } } },
  orderBy: { sourceId: "asc" },
} as const;

const route = {
  select: { position: true, technique: true, step: { select: { slug: true } } },
  orderBy: { position: "asc" },
} as const;

type Tx = Prisma.TransactionClient;

export const snapshots = {
  // A brand's claims go when it goes (cascade), so they are part of its record.
  brand: (tx: Tx, id: number) =>
    tx.brand.findUnique({
      where: { id },
      include: {
        sources: citations,
        claims: { select: { topic: true, countryCode: true, sharePercent: true, statement: true, source: { select: { slug: true } } }, orderBy: { id: "asc" } },
      },
    }),
  sneakerModel: (tx: Tx, id: number) =>
    tx.sneakerModel.findUnique({
      where: { id },
      include: {
        sources: citations,
        materials: { select: { component: true, originCountryCode: true, note: true, material: { select: { slug: true } } }, orderBy: { id: "asc" } },
      },
    }),
  factory: (tx: Tx, id: number) => tx.factory.findUnique({ where: { id }, include: { sources: citations } }),
  processStep: (tx: Tx, id: number) => tx.processStep.findUnique({ where: { id } }),
  production: (tx: Tx, id: number) =>
    tx.production.findUnique({ where: { id }, include: { route, sources: citations } }),
  source: (tx: Tx, id: number) => tx.source.findUnique({ where: { id } }),
};
