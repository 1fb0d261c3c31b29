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
};

/** Reads and validates every seed file; errors name the file and the offending path. */
export function loadSeedData(dir: string = SEED_DIR): SeedData {
  const read = <K extends keyof SeedData>(key: K): SeedData[K] => {
    const file = path.join(dir, FILE_NAMES[key]);
    const parsed = seedFiles[key].safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid seed file ${file}:\n${issues}`);
    }
    return parsed.data as SeedData[K];
  };
  return {
    sources: read("sources"),
    brands: read("brands"),
    processSteps: read("processSteps"),
    materials: read("materials"),
    factories: read("factories"),
    models: read("models"),
    productions: read("productions"),
  };
}
