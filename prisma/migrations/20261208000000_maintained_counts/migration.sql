-- Registry scale (issue 23, read side): what brand pages and a country's `totalCount`
-- read at a million facilities, kept up to date by the database itself so that no
-- writer (mutations, the importer, the seed, psql) can forget it.
--
-- 1. A production keeps its factory's status ("factoryStatus"): the brand page counts
--    the brand's operating factories per country from an index on Production alone,
--    instead of looking up 50,000 factories by key (~460 ms at 1M).
-- 2. "FactoryCount": factories per (country, status), so the count of a country's
--    factories reads at most three rows instead of 330,000 index entries (CN at 1M).
--
-- Both are maintained by triggers. Loads that switch triggers off
-- (session_replication_role = replica: the scale benchmark's generator) call
-- "solegraph_rebuild_registry_counts"() afterwards.

-- 1. The production's copy of its factory's status (NULL: no factory named).
ALTER TABLE "Production" ADD COLUMN "factoryStatus" "FactoryStatus";

-- 2. Factories per country and status. Rows are never removed (a count may fall to 0).
CREATE TABLE "FactoryCount" (
    "countryCode" CHAR(2) NOT NULL,
    "status" "FactoryStatus" NOT NULL,
    "factories" INTEGER NOT NULL,

    CONSTRAINT "FactoryCount_pkey" PRIMARY KEY ("countryCode", "status")
);

-- Recomputes both from the tables, set-based: the backfill below, and loads that ran
-- with triggers off. Run with triggers on, the UPDATE also fires the production row
-- trigger (the same value, looked up again): correct, only slower.
CREATE FUNCTION "solegraph_rebuild_registry_counts"() RETURNS void LANGUAGE sql AS $$
  UPDATE "Production" p SET "factoryStatus" = f.status
    FROM "Factory" f
   WHERE f.id = p."factoryId" AND p."factoryStatus" IS DISTINCT FROM f.status;
  UPDATE "Production" SET "factoryStatus" = NULL WHERE "factoryId" IS NULL AND "factoryStatus" IS NOT NULL;
  DELETE FROM "FactoryCount";
  INSERT INTO "FactoryCount" ("countryCode", "status", "factories")
    SELECT "countryCode", status, count(*) FROM "Factory" GROUP BY "countryCode", status;
$$;

-- The backfill, before the triggers exist (so it is two set-based statements, not a
-- trigger call per production).
SELECT "solegraph_rebuild_registry_counts"();

-- A production's factory status, whenever its factory is named or changed (or someone
-- writes the column itself: it is recomputed, never taken as given). One key lookup
-- per written production; productions are written a few at a time.
CREATE FUNCTION "solegraph_production_factory_status"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."factoryStatus" := (SELECT f.status FROM "Factory" f WHERE f.id = NEW."factoryId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Production_factory_status" BEFORE INSERT OR UPDATE OF "factoryId", "factoryStatus" ON "Production"
  FOR EACH ROW EXECUTE FUNCTION "solegraph_production_factory_status"();

-- Factory writes, once per statement (the importer writes 2,000 factories in one
-- INSERT and one UPDATE: one trigger call each, grouped over the statement's rows
-- through its transition tables). Count rows are upserted in key order, so writers
-- touching several countries lock them in the same order. A row of "FactoryCount" is
-- locked from the write to the commit: concurrent writers into the same country and
-- status take turns there (they already take turns at commit, on "WriteGeneration").
CREATE FUNCTION "solegraph_factory_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FactoryCount" ("countryCode", "status", "factories")
    SELECT "countryCode", status, count(*) FROM added GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("countryCode", "status") DO UPDATE SET "factories" = "FactoryCount"."factories" + excluded."factories";
  RETURN NULL;
END
$$;

CREATE FUNCTION "solegraph_factory_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FactoryCount" ("countryCode", "status", "factories")
    SELECT "countryCode", status, -count(*) FROM removed GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("countryCode", "status") DO UPDATE SET "factories" = "FactoryCount"."factories" + excluded."factories";
  RETURN NULL;
END
$$;

-- An UPDATE moves factories between (country, status) keys: only keys whose count
-- changes are written (an import's update of addresses writes none, and locks none).
-- A status change is copied to the factory's productions, through their factoryId
-- index (the changed ids as an array: transition tables have no statistics, and a
-- join with them could be planned as a scan of every production).
CREATE FUNCTION "solegraph_factory_counts_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_ids integer[];
BEGIN
  INSERT INTO "FactoryCount" ("countryCode", "status", "factories")
    SELECT code, status, sum(n) FROM (
        SELECT "countryCode" AS code, status, count(*) AS n FROM new_rows GROUP BY 1, 2
        UNION ALL
        SELECT "countryCode", status, -count(*) FROM old_rows GROUP BY 1, 2) AS d
     GROUP BY code, status HAVING sum(n) <> 0 ORDER BY code, status
  ON CONFLICT ("countryCode", "status") DO UPDATE SET "factories" = "FactoryCount"."factories" + excluded."factories";

  SELECT array_agg(a.id) INTO changed_ids
    FROM new_rows a JOIN old_rows b ON b.id = a.id
   WHERE a.status IS DISTINCT FROM b.status;
  IF changed_ids IS NOT NULL THEN
    -- The production row trigger reads the factory's new status.
    UPDATE "Production" SET "factoryStatus" = NULL WHERE "factoryId" = ANY(changed_ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "solegraph_factory_counts_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "FactoryCount";
  RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger each.
CREATE TRIGGER "Factory_counts_inserted" AFTER INSERT ON "Factory"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "solegraph_factory_counts_inserted"();
CREATE TRIGGER "Factory_counts_deleted" AFTER DELETE ON "Factory"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "solegraph_factory_counts_deleted"();
CREATE TRIGGER "Factory_counts_updated" AFTER UPDATE ON "Factory"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "solegraph_factory_counts_updated"();
CREATE TRIGGER "Factory_counts_truncated" AFTER TRUNCATE ON "Factory"
  FOR EACH STATEMENT EXECUTE FUNCTION "solegraph_factory_counts_truncated"();

-- The brand page (server/src/provenance/production-by-country.ts): a brand's
-- productions per country, with their factory and its status and their volume, read
-- from this index alone (index-only: no Production heap, no Factory).
CREATE INDEX "Production_brand_page_idx"
  ON "Production" ("modelId", "countryCode", "factoryId", "factoryStatus", "annualVolume");

-- Brand pages looked up each production's factory for its status through this index;
-- nothing reads it now, and every imported factory paid for it.
DROP INDEX "Factory_id_status_idx";

-- `near` (issue 23): the same great-circle distance, written so that PostgreSQL inlines
-- it into the query. A STRICT SQL function is inlined only when its body is strict too,
-- and least() is not: every call went through the function manager, ~5 µs per site
-- (a 50 km circle around a dense town at 1M: 10,000 sites, 70 ms of a count that reads
-- its rows in 10 ms). atan2(√a, √|1 − a|) is asin(min(1, √a)) without least(): |1 − a|
-- keeps a rounding a > 1 at π/2, as the clamp did.
CREATE OR REPLACE FUNCTION geo_distance_km(lat1 double precision, lng1 double precision, lat2 double precision, lng2 double precision)
  RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 2 * 6371.0088 * atan2(
    sqrt(power(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2)),
    sqrt(abs(1 - (power(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2)))))
$$;
