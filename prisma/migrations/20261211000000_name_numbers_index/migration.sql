-- Facility-list matching (packages/db/src/facility-list/match.ts) looks for a row's
-- factory by the same name key, and for spelling variants among the name keys that sort
-- next to the row's in its country. Names with other numbers are never variants ("Plant
-- 1", "Plant 2"): with the numbers in the index, the neighbours read are only names with
-- the row's numbers, so a generated or numbered registry ("Unit 622876") no longer sends
-- every neighbour through pg_trgm's similarity and a regular expression (240 ms of a
-- 2,000-row batch's match at 1M factories). The exact-name probe reads the same index
-- (a name key's numbers follow from it), so it replaces (countryCode, nameKey).
CREATE INDEX "Factory_countryCode_nameNumbers_nameKey_idx" ON "Factory" ("countryCode", (regexp_replace("nameKey", '[^0-9]', '', 'g')), "nameKey");
DROP INDEX "Factory_countryCode_nameKey_idx";
