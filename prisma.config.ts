// Prisma CLI configuration: the JS engine with a driver adapter, so that `migrate`,
// `db` and `generate` run on the WebAssembly schema engine and never download a
// native binary (docs/DESIGN.md, "Data layer").
import { defineConfig } from "prisma/config";

// The user's own DATABASE_URL picks the migration target below; without one the CLI
// works on the embedded database. `generate` and `validate` only need a parsable URL.
const userDatabaseUrl = process.env.DATABASE_URL || undefined;
process.env.DATABASE_URL ||= "postgresql://solegraph@localhost:5432/solegraph";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const { createMigrationAdapter } = await import("./packages/db/src/migration-adapter.ts");
    return createMigrationAdapter(userDatabaseUrl);
  },
});
