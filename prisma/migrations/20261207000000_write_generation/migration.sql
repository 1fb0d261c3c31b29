-- The write generation (issue 25): the response cache's keys and ETags carry it, so it
-- lives with the data it describes. One row; its epoch is new whenever the database is
-- (a reset), its value only grows. A Redis restart or flush can then only cost misses.
CREATE TABLE "WriteGeneration" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "epoch" UUID NOT NULL DEFAULT gen_random_uuid(),
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "WriteGeneration_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "WriteGeneration_one_row" CHECK ("id")
);

INSERT INTO "WriteGeneration" DEFAULT VALUES;

-- Every write records its changes in "Change" (mutations, facility-list imports from the
-- API or the CLI): at commit, in the writer's transaction, the generation goes up once and
-- each change is announced to listeners (NOTIFY is delivered only if the write commits).
-- A deferred constraint trigger runs last, so the generation row is locked only at the
-- very end of a write, after every other lock it takes (no lock-order deadlock).
CREATE FUNCTION "solegraph_change_committed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('solegraph.generation_bumped', true), '') <> 'yes' THEN
    UPDATE "WriteGeneration" SET "value" = "value" + 1;
    PERFORM set_config('solegraph.generation_bumped', 'yes', true);
  END IF;
  PERFORM pg_notify('solegraph_change', NEW."id"::text);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Change_committed" AFTER INSERT ON "Change"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "solegraph_change_committed"();
