export { createApp, QUERY_LIMITS, type AppOptions, type SolegraphApp } from "./app.ts";
export { serve, type RunningServer, type ServeOptions } from "./server.ts";
export { getSchema, getPrintableSchema } from "./schema/index.ts";
export { renderSchema, SCHEMA_FILE } from "./print-schema.ts";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./read/page-size.ts";
