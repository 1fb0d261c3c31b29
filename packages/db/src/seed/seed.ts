import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadSeedData, type LoadedSeed } from "./load.ts";
import type { SeedCitation, SeedData } from "./schema.ts";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface SeedReport {
  /** Rows created by this run, per table; all zero when the seed was already there. */
  readonly created: Readonly<Record<string, number>>;
}

/**
 * Loads the seed dataset, inserting what is missing and never touching rows that
 * exist, so it is idempotent and does not undo curators' edits. One transaction: a
 * failing seed leaves nothing behind (and the citation checks run at its commit).
 */
export async function seed(prisma: PrismaClient, data: LoadedSeed = loadSeedData()): Promise<SeedReport> {
  return prisma.$transaction(
    async (tx) => {
      const report = await new SeedRun(tx, data).run();
      // The seed records no changes: it bumps the write generation itself (write-generation.ts).
      await tx.$executeRaw`UPDATE "WriteGeneration" SET "value" = "value" + 1`;
      return report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type Subject = SeedData["claims"][number]["subject"];

class SeedRun {
  private readonly created: Record<string, number> = {};
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly tx: Tx,
    private readonly data: LoadedSeed,
  ) {}

  async run(): Promise<SeedReport> {
    for (const source of this.data.sources) {
      const { slug, publishedOn, textFile: _file, ...rest } = source;
      await this.ensure("source", slug, () =>
        this.tx.source.create({
          data: { slug, ...rest, text: this.data.texts.get(slug) ?? null, publishedOn: publishedOn === null ? null : new Date(publishedOn) },
        }),
        () => this.tx.source.findUnique({ where: { slug } }),
      );
    }
    for (const { slug, sources, ...brand } of this.data.brands) {
      const brandId = await this.ensure("brand", slug, () => this.tx.brand.create({ data: { slug, ...brand } }),
        () => this.tx.brand.findUnique({ where: { slug } }));
      this.add("brandSource", await this.tx.brandSource.createMany({ data: this.citations(sources, { brandId }), skipDuplicates: true }));
    }
    for (const { slug, sources, ...step } of this.data.processSteps) {
      const stepId = await this.ensure("processStep", slug, () => this.tx.processStep.create({ data: { slug, ...step } }),
        () => this.tx.processStep.findUnique({ where: { slug } }));
      this.add("processStepSource", await this.tx.processStepSource.createMany({ data: this.citations(sources, { stepId }), skipDuplicates: true }));
    }
    for (const { slug, ...material } of this.data.materials) {
      await this.ensure("material", slug, () => this.tx.material.create({ data: { slug, ...material } }),
        () => this.tx.material.findUnique({ where: { slug } }));
    }
    for (const { slug, sources, operatorBrand, ...factory } of this.data.factories) {
      const factoryId = await this.ensure("factory", slug, () =>
        this.tx.factory.create({
          data: { slug, ...factory, operatorBrandId: operatorBrand ? this.id("brand", operatorBrand) : null },
        }),
        () => this.tx.factory.findUnique({ where: { slug } }));
      this.add("factorySource", await this.tx.factorySource.createMany({ data: this.citations(sources, { factoryId }), skipDuplicates: true }));
    }
    for (const { slug, sources, brand, ...model } of this.data.models) {
      const modelId = await this.ensure("sneakerModel", slug, () =>
        this.tx.sneakerModel.create({ data: { slug, ...model, brandId: this.id("brand", brand) } }),
        () => this.tx.sneakerModel.findUnique({ where: { slug } }));
      this.add("sneakerModelSource", await this.tx.sneakerModelSource.createMany({ data: this.citations(sources, { modelId }), skipDuplicates: true }));
    }
    for (const { slug, sources, model, factory, route, ...production } of this.data.productions) {
      const productionId = await this.ensure("production", slug, () =>
        this.tx.production.create({
          data: {
            slug,
            ...production,
            modelId: this.id("sneakerModel", model),
            factoryId: factory === null ? null : this.id("factory", factory),
            // A new production gets its route with it; an existing one keeps its own.
            route: {
              create: route.map((step, index) => ({
                position: index + 1,
                stepId: this.id("processStep", step.step),
                technique: step.technique,
              })),
            },
          },
        }),
        () => this.tx.production.findUnique({ where: { slug } }));
      this.add("productionSource", await this.tx.productionSource.createMany({ data: this.citations(sources, { productionId }), skipDuplicates: true }));
    }
    for (const { source, subject, retrievedOn, ...claim } of this.data.claims) {
      const row = { sourceId: this.id("source", source), ...this.subject(subject) };
      // A claim has no slug: the same source saying the same thing about the same subject is the same claim.
      const existing = await this.tx.claim.findFirst({ where: { ...row, statement: claim.statement }, select: { id: true } });
      if (!existing) {
        await this.tx.claim.create({ data: { ...row, ...claim, retrievedOn: new Date(retrievedOn) } });
        this.count("claim");
      }
    }
    // The deferred citation checks, now rather than at COMMIT (see the server's write.ts).
    await this.tx.$executeRaw`SET CONSTRAINTS ALL IMMEDIATE`;
    return { created: this.created };
  }

  private citations<K extends string>(citations: readonly SeedCitation[], fact: Record<K, number>) {
    return citations.map((c) => ({
      ...fact,
      sourceId: this.id("source", c.source),
      locator: c.locator,
      statement: c.statement,
      retrievedOn: new Date(c.retrievedOn),
      quote: c.quote,
      supports: [...c.supports],
    }));
  }

  private subject(subject: Subject): { brandId?: number; modelId?: number; factoryId?: number; productionId?: number } {
    if ("brand" in subject) return { brandId: this.id("brand", subject.brand) };
    if ("model" in subject) return { modelId: this.id("sneakerModel", subject.model) };
    if ("factory" in subject) return { factoryId: this.id("factory", subject.factory) };
    return { productionId: this.id("production", subject.production) };
  }

  /** Returns the id of the row with this slug, creating it when it is missing. */
  private async ensure(
    table: string,
    slug: string,
    create: () => Promise<{ id: number }>,
    find: () => Promise<{ id: number } | null>,
  ): Promise<number> {
    const row = (await find()) ?? (this.count(table), await create());
    this.ids.set(`${table}:${slug}`, row.id);
    return row.id;
  }

  private add(table: string, batch: { count: number }): void {
    if (batch.count > 0) this.created[table] = (this.created[table] ?? 0) + batch.count;
  }

  private id(table: string, slug: string): number {
    const id = this.ids.get(`${table}:${slug}`);
    if (id === undefined) throw new Error(`Seed data refers to unknown ${table} "${slug}".`);
    return id;
  }

  private count(table: string): void {
    this.created[table] = (this.created[table] ?? 0) + 1;
  }
}
