import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** The extensions the migrations create; every PGlite instance must load them. */
export const pgliteExtensions = { pg_trgm };
