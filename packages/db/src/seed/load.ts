import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedFiles, type SeedData } from "./schema.ts";

export const SEED_DIR = fileURLToPath(new URL("../../../../prisma/seed", import.meta.url));

const FILE_NAMES: Record<keyof SeedData, string> = {
  sources: "sources.json",
  brands: "brands.json",
  processSteps: "process-steps.json",
  materials: "materials.json",
  factories: "factories.json",
  models: "models.json",
  productions: "productions.json",
  claims: "claims.json",
};

/** The seed files' data, with the texts of the sources that keep one (by source slug). */
export interface LoadedSeed extends SeedData {
  readonly texts: ReadonlyMap<string, string>;
}

/** Reads and validates every seed file; errors name the file and the offending path. */
export function loadSeedData(dir: string = SEED_DIR): LoadedSeed {
  const read = <K extends keyof SeedData>(key: K): SeedData[K] => {
    const file = path.join(dir, FILE_NAMES[key]);
    const parsed = seedFiles[key].safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid seed file ${file}:\n${issues}`);
    }
    return parsed.data as SeedData[K];
  };
  const sources = read("sources");
  const texts = new Map<string, string>();
  for (const source of sources) {
    if (source.textFile) texts.set(source.slug, fs.readFileSync(path.join(dir, source.textFile), "utf8"));
  }
  return {
    texts,
    sources,
    claims: read("claims"),
    brands: read("brands"),
    processSteps: read("processSteps"),
    materials: read("materials"),
    factories: read("factories"),
    models: read("models"),
    productions: read("productions"),
  };
}
