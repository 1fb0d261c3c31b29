-- Registry scale (issue 23, read side): indexes that let search and `near` read what
-- their first page needs, at a million facilities, without slowing imports (B-trees:
-- a GiST trigram index measured ~0.2 ms more per inserted factory, ~14 ms with
-- 256-byte signatures).

-- Search (server/src/search/fuzzy-search.ts): exact names through B-trees on lower();
-- neighbours through the existing GIN trigram indexes on name.
CREATE INDEX "Brand_lower_name_idx" ON "Brand" (lower("name"));
CREATE INDEX "SneakerModel_lower_name_idx" ON "SneakerModel" (lower("name"));
CREATE INDEX "SneakerModel_lower_series_idx" ON "SneakerModel" (lower("series"));
CREATE INDEX "Factory_lower_name_idx" ON "Factory" (lower("name"), "name", "id");
CREATE INDEX "Factory_lower_city_idx" ON "Factory" (lower("city"), "name", "id");

-- `factories(filter: { near })` (entities/factory/near.ts): half-degree bands of
-- latitude, then longitude, so a circle's box is a few short index ranges — the
-- (latitude, longitude) index read a whole band of the globe between two latitudes.
CREATE INDEX "Factory_latitude_band_idx" ON "Factory" ((floor("latitude" * 2)), "longitude") WHERE "latitude" IS NOT NULL;

-- `factories(filter: { country })`: a country's page starts in order in the index (the
-- planner otherwise read all of a large country's sites and sorted them).
CREATE INDEX "Factory_countryCode_name_id_idx" ON "Factory" ("countryCode", "name", "id");

-- Brand pages look up each production's factory for its status only: index-only.
CREATE INDEX "Factory_id_status_idx" ON "Factory" ("id", "status");
