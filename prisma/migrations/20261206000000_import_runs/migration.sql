-- CreateEnum
CREATE TYPE "ImportRunStatus" AS ENUM ('RUNNING', 'FAILED', 'COMPLETED');

-- AlterEnum
ALTER TYPE "ChangeAction" ADD VALUE 'IMPORT';

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "brandId" INTEGER,
    "relation" "Ownership",
    "fingerprint" TEXT,
    "tokenId" INTEGER NOT NULL,
    "status" "ImportRunStatus" NOT NULL DEFAULT 'RUNNING',
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "lastLine" INTEGER NOT NULL DEFAULT 1,
    "batches" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRunListed" (
    "runId" INTEGER NOT NULL,
    "brandId" INTEGER NOT NULL,
    "factoryId" INTEGER NOT NULL,

    CONSTRAINT "ImportRunListed_pkey" PRIMARY KEY ("runId","brandId","factoryId")
);

-- CreateIndex
CREATE INDEX "ImportRun_sourceId_fingerprint_status_idx" ON "ImportRun"("sourceId", "fingerprint", "status");

-- CreateIndex
CREATE INDEX "ImportRun_brandId_idx" ON "ImportRun"("brandId");

-- CreateIndex
CREATE INDEX "ImportRun_tokenId_idx" ON "ImportRun"("tokenId");

-- CreateIndex
CREATE INDEX "Factory_countryCode_latitude_longitude_idx" ON "Factory"("countryCode", "latitude", "longitude");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRunListed" ADD CONSTRAINT "ImportRunListed_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written below.

-- The citation check, without its per-row costs: it ran two dynamic statements
-- (planned anew for every row), converted the whole row to JSON for its id, and locked
-- every new fact. An import of 2,000 factories spent as long in it as in matching.
-- Static statements keep their plans; a fact inserted by this transaction needs no lock
-- (no other transaction can see it, so none can remove its citations); removing a
-- citation still locks its fact, which serializes concurrent removals as before.
CREATE OR REPLACE FUNCTION "solegraph_require_citation"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fact_id integer;
  cited boolean;
BEGIN
  IF TG_ARGV[0] = 'Factory' THEN
    IF TG_TABLE_NAME = 'Factory' THEN
      fact_id := NEW.id;
      PERFORM 1 FROM "Factory" WHERE id = fact_id;
    ELSE
      fact_id := OLD."factoryId";
      PERFORM 1 FROM "Factory" WHERE id = fact_id FOR UPDATE;
    END IF;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    cited := EXISTS (SELECT 1 FROM "FactorySource" WHERE "factoryId" = fact_id);
  ELSIF TG_ARGV[0] = 'Production' THEN
    IF TG_TABLE_NAME = 'Production' THEN
      fact_id := NEW.id;
      PERFORM 1 FROM "Production" WHERE id = fact_id;
    ELSE
      fact_id := OLD."productionId";
      PERFORM 1 FROM "Production" WHERE id = fact_id FOR UPDATE;
    END IF;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    cited := EXISTS (SELECT 1 FROM "ProductionSource" WHERE "productionId" = fact_id);
  ELSE
    RAISE EXCEPTION 'solegraph_require_citation: no check for table %', TG_ARGV[0];
  END IF;
  IF NOT cited THEN
    RAISE EXCEPTION '% % violates constraint "%": it must cite at least one source', TG_ARGV[0], fact_id, TG_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_ARGV[0];
  END IF;
  RETURN NULL;
END
$$;

-- The matching keys, cheaper and with the same results: as SQL functions they were
-- inlined into the statement that called them, and each use of an intermediate value
-- (`plain` three times, `stripped` twice) repeated its regular expressions; and the
-- legal forms at the end were stripped by one regular expression of 35 alternatives
-- tried at every position. Here each step runs once, and the legal forms are dropped
-- word by word from the end (keeping the first word, as the expression did: each form
-- it removed followed a space). An import computes the keys for every row it matches,
-- the trigger for every row it writes.
CREATE OR REPLACE FUNCTION facility_name_key(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  plain text := btrim(regexp_replace(regexp_replace(regexp_replace(replace(lower(name), '&', ' and '), '\([^)]*\)', ' ', 'g'), '[[:punct:]]', ' ', 'g'), '\s+', ' ', 'g'));
  words text[] := string_to_array(CASE WHEN left(plain, 3) IN ('pt ', 'cv ') THEN substr(plain, 4) ELSE plain END, ' ');
  n integer := coalesce(array_length(words, 1), 0);
BEGIN
  WHILE n > 1 AND words[n] IN ('co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'lp', 'llp', 'plc', 'gmbh', 'ag', 'kg',
      'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'pvt', 'private', 'pte', 'jsc', 'tbk', 'sdn', 'bhd', 'oy', 'ab', 'lda', 'sl', 'cv', 'pt') LOOP
    n := n - 1;
  END LOOP;
  RETURN coalesce(nullif(btrim(array_to_string(words[1:n], ' ')), ''), plain);
END
$$;

CREATE OR REPLACE FUNCTION facility_address_key(address text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  plain text := btrim(regexp_replace(regexp_replace(lower(address), '[[:punct:]]', ' ', 'g'), '\s+', ' ', 'g'));
BEGIN
  RETURN CASE WHEN plain ~ '[0-9]' AND array_length(string_to_array(plain, ' '), 1) >= 3 THEN plain END;
END
$$;

-- An update that changes neither the name nor the address (an import filling in
-- coordinates or sectors) keeps its keys without computing them again.
CREATE OR REPLACE FUNCTION "solegraph_factory_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."name" IS DISTINCT FROM OLD."name" OR NEW."nameKey" IS DISTINCT FROM OLD."nameKey" THEN
    NEW."nameKey" := facility_name_key(NEW."name");
  END IF;
  IF TG_OP = 'INSERT' OR NEW."address" IS DISTINCT FROM OLD."address" OR NEW."addressKey" IS DISTINCT FROM OLD."addressKey" THEN
    NEW."addressKey" := facility_address_key(NEW."address");
  END IF;
  RETURN NEW;
END
$$;
