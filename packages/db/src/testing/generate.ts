import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * A synthetic dataset shaped like the seed (brands with models, factories, productions
 * with routes and sources) at any scale, for structural tests and benchmarks. Rows are
 * marked with the `synthetic-` slug prefix. Requires the seed's process steps.
 */
export async function generateDataset(prisma: PrismaClient, scale: number): Promise<void> {
  const steps = await prisma.processStep.findMany({ orderBy: { position: "asc" } });
  if (steps.length === 0) throw new Error("generateDataset needs the seed's process steps: seed first.");
  const source = await prisma.source.upsert({
    where: { slug: "synthetic-source" },
    create: { slug: "synthetic-source", title: "Synthetic test data" },
    update: {},
  });
  const countries = ["US", "GB", "VN", "CN", "ID", "IT"];
  for (let b = 0; b < scale; b++) {
    const brand = await prisma.brand.create({
      data: { slug: `synthetic-brand-${b}`, name: `Synthetic Brand ${b}`, countryCode: countries[b % countries.length]! },
    });
    const factories = [];
    for (let f = 0; f < 2; f++) {
      factories.push(
        await prisma.factory.create({
          data: {
            slug: `synthetic-factory-${b}-${f}`,
            name: `Synthetic Factory ${b}-${f}`,
            operatorBrandId: brand.id,
            ownership: f === 0 ? "OWNED" : "CONTRACT",
            status: "OPERATING",
            city: `City ${f}`,
            region: `Region ${b % 5}`,
            countryCode: countries[(b + f) % countries.length]!,
            sources: { create: { sourceId: source.id } },
          },
        }),
      );
    }
    for (let m = 0; m < 3; m++) {
      const model = await prisma.sneakerModel.create({
        data: { slug: `synthetic-model-${b}-${m}`, name: `Synthetic Model ${b}-${m}`, brandId: brand.id, series: `S${m}` },
      });
      for (const factory of factories) {
        await prisma.production.create({
          data: {
            slug: `synthetic-production-${b}-${m}-${factory.id}`,
            modelId: model.id,
            factoryId: factory.id,
            countryCode: factory.countryCode,
            labelClaim: `Made in ${factory.countryCode}`,
            annualVolume: 1000 * (m + 1),
            route: { create: steps.slice(2, 7).map((step, i) => ({ stepId: step.id, position: i + 1 })) },
            sources: { create: { sourceId: source.id } },
          },
        });
      }
    }
  }
}
