-- Issue 23: "Factory_countryCode_idx" (countryCode alone) is redundant: every lookup by
-- country starts one of the composite indexes that lead with it ((countryCode, name, id),
-- (countryCode, nameKey), (countryCode, addressKey), (countryCode, latitude, longitude)),
-- and a country's count reads "FactoryCount". Kept, it was a trap: on the embedded
-- database the importer's location probe chose it and filtered a whole country's rows
-- for every row it matched (148 rows/s into a 100k registry instead of ~1,000), and every
-- insert paid for one more index.
DROP INDEX "Factory_countryCode_idx";
