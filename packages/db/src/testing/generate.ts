import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * A synthetic dataset shaped like the seed (brands with models, factories, productions
 * with routes and sources) at any scale, for structural tests and benchmarks. Rows are
 * marked with the `synthetic-` slug prefix. Requires the seed's process steps.
 *
 * Per brand b: factories b-0 (owned) and b-1 (contract) in countries cycling through
 * six, models b-0..b-2, each made at both factories, with five route steps, and a
 * MADE_IN claim per model for its owned factory's country. Written
 * with a few set-based statements, in the order (and so with the ids) a row-by-row
 * insert would give.
 */
export async function generateDataset(prisma: PrismaClient, scale: number): Promise<void> {
  const steps = await prisma.processStep.count();
  if (steps < 7) throw new Error("generateDataset needs the seed's process steps: seed first.");
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "Source" (slug, title, kind, "updatedAt") VALUES ('synthetic-source', 'Synthetic test data', 'NEWS', now()) ON CONFLICT (slug) DO NOTHING`;
    await tx.$executeRaw`
      CREATE TEMPORARY TABLE synthetic_country (i int PRIMARY KEY, code char(2)) ON COMMIT DROP;
      `;
    await tx.$executeRaw`INSERT INTO synthetic_country VALUES (0, 'US'), (1, 'GB'), (2, 'VN'), (3, 'CN'), (4, 'ID'), (5, 'IT')`;
    await tx.$executeRaw`
      INSERT INTO "Brand" (slug, name, "countryCode", "updatedAt")
      SELECT 'synthetic-brand-' || b, 'Synthetic Brand ' || b, c.code, now()
        FROM generate_series(0, ${scale - 1}::int) b JOIN synthetic_country c ON c.i = b % 6 ORDER BY b`;
    await tx.$executeRaw`
      INSERT INTO "Factory" (slug, name, "operatorBrandId", ownership, status, city, region, "countryCode", "updatedAt")
      SELECT 'synthetic-factory-' || b || '-' || f, 'Synthetic Factory ' || b || '-' || f, br.id,
             (CASE WHEN f = 0 THEN 'OWNED' ELSE 'CONTRACT' END)::"Ownership", 'OPERATING', 'City ' || f, 'Region ' || (b % 5), c.code, now()
        FROM generate_series(0, ${scale - 1}::int) b CROSS JOIN generate_series(0, 1) f
        JOIN "Brand" br ON br.slug = 'synthetic-brand-' || b JOIN synthetic_country c ON c.i = (b + f) % 6
       ORDER BY b, f`;
    await tx.$executeRaw`
      INSERT INTO "FactorySource" ("factoryId", "sourceId")
      SELECT f.id, s.id FROM "Factory" f, "Source" s WHERE f.slug LIKE 'synthetic-factory-%' AND s.slug = 'synthetic-source' ORDER BY f.id
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      INSERT INTO "SneakerModel" (slug, name, "brandId", series, "updatedAt")
      SELECT 'synthetic-model-' || b || '-' || m, 'Synthetic Model ' || b || '-' || m, br.id, 'S' || m, now()
        FROM generate_series(0, ${scale - 1}::int) b CROSS JOIN generate_series(0, 2) m JOIN "Brand" br ON br.slug = 'synthetic-brand-' || b
       ORDER BY b, m`;
    await tx.$executeRaw`
      INSERT INTO "Production" (slug, "modelId", "factoryId", "countryCode", "labelClaim", "annualVolume", "updatedAt")
      SELECT 'synthetic-production-' || b || '-' || m || '-' || f.id, mo.id, f.id, f."countryCode", 'Made in ' || f."countryCode", 1000 * (m + 1), now()
        FROM generate_series(0, ${scale - 1}::int) b CROSS JOIN generate_series(0, 2) m CROSS JOIN generate_series(0, 1) k
        JOIN "SneakerModel" mo ON mo.slug = 'synthetic-model-' || b || '-' || m
        JOIN "Factory" f ON f.slug = 'synthetic-factory-' || b || '-' || k
       ORDER BY b, m, k`;
    // Steps 3..7 of the vocabulary (cutting .. finishing): positions 1..5.
    await tx.$executeRaw`
      INSERT INTO "ProductionStep" ("productionId", "stepId", position)
      SELECT p.id, s.id, s.rank - 2
        FROM "Production" p
        CROSS JOIN (SELECT id, row_number() OVER (ORDER BY position) AS rank FROM "ProcessStep") s
       WHERE p.slug LIKE 'synthetic-production-%' AND s.rank BETWEEN 3 AND 7
         AND NOT EXISTS (SELECT 1 FROM "ProductionStep" r WHERE r."productionId" = p.id)
       ORDER BY p.id, s.rank`;
    await tx.$executeRaw`
      INSERT INTO "ProductionSource" ("productionId", "sourceId")
      SELECT p.id, s.id FROM "Production" p, "Source" s WHERE p.slug LIKE 'synthetic-production-%' AND s.slug = 'synthetic-source' ORDER BY p.id
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      INSERT INTO "Claim" ("sourceId", "modelId", topic, "countryCode", statement, "updatedAt")
      SELECT s.id, mo.id, 'MADE_IN', f."countryCode", 'Synthetic claim: made in ' || f."countryCode", now()
        FROM "SneakerModel" mo
        JOIN "Factory" f ON f.slug = 'synthetic-factory-' || split_part(mo.slug, '-', 3) || '-0'
        CROSS JOIN "Source" s
       WHERE mo.slug LIKE 'synthetic-model-%' AND s.slug = 'synthetic-source'
         AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."modelId" = mo.id)
       ORDER BY mo.id`;
  });
}
