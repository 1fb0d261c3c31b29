-- Claims are not facts (issue 11): a first-class Claim about any subject replaces
-- BrandClaim; sources say what kind of publication they are (independent reporting or
-- the brand's own voice) and may keep their text; citations name the fields they
-- support; time-bound factory figures carry the year they held; factories and
-- productions always keep at least one citation.

-- CreateEnum
CREATE TYPE "ClaimStance" AS ENUM ('ASSERTS', 'DENIES');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NEWS', 'EDITORIAL', 'COMMUNITY', 'BRAND', 'MARKETING');

-- AlterEnum
ALTER TYPE "ChangeEntityType" ADD VALUE 'CLAIM';

-- AlterEnum (the new value cannot be used in this transaction: CHECKs below compare text)
ALTER TYPE "ClaimTopic" ADD VALUE 'MADE_IN';

-- AlterTable
ALTER TABLE "BrandSource" ADD COLUMN     "supports" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Factory" ADD COLUMN     "plannedOpeningYear" INTEGER,
ADD COLUMN     "weeklyCapacityYear" INTEGER,
ADD COLUMN     "workforceYear" INTEGER;

-- AlterTable
ALTER TABLE "FactorySource" ADD COLUMN     "supports" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ProductionSource" ADD COLUMN     "supports" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "SneakerModelSource" ADD COLUMN     "supports" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable: sources already stored are marked NEWS; curators correct the kind of
-- any that speaks for a brand (the seed sets its own).
ALTER TABLE "Source" ADD COLUMN     "kind" "SourceKind" NOT NULL DEFAULT 'NEWS',
ADD COLUMN     "text" TEXT,
ALTER COLUMN "title" DROP NOT NULL;
ALTER TABLE "Source" ALTER COLUMN "kind" DROP DEFAULT;

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "brandId" INTEGER,
    "modelId" INTEGER,
    "factoryId" INTEGER,
    "productionId" INTEGER,
    "topic" "ClaimTopic" NOT NULL,
    "stance" "ClaimStance" NOT NULL DEFAULT 'ASSERTS',
    "countryCode" CHAR(2),
    "sharePercent" DOUBLE PRECISION,
    "statement" TEXT NOT NULL,
    "quote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- Brand claims move over as they were (a brand is their subject).
INSERT INTO "Claim" ("sourceId", "brandId", "topic", "countryCode", "sharePercent", "statement", "createdAt", "updatedAt")
SELECT "sourceId", "brandId", "topic", "countryCode", "sharePercent", "statement", "createdAt", "createdAt"
  FROM "BrandClaim" ORDER BY "id";

-- DropTable
DROP TABLE "BrandClaim";

-- CreateIndex
CREATE INDEX "Claim_brandId_id_idx" ON "Claim"("brandId", "id");

-- CreateIndex
CREATE INDEX "Claim_modelId_id_idx" ON "Claim"("modelId", "id");

-- CreateIndex
CREATE INDEX "Claim_factoryId_id_idx" ON "Claim"("factoryId", "id");

-- CreateIndex
CREATE INDEX "Claim_productionId_id_idx" ON "Claim"("productionId", "id");

-- CreateIndex
CREATE INDEX "Claim_sourceId_id_idx" ON "Claim"("sourceId", "id");

-- CreateIndex
CREATE INDEX "Claim_topic_countryCode_idx" ON "Claim"("topic", "countryCode");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "SneakerModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_factoryId_fkey" FOREIGN KEY ("factoryId") REFERENCES "Factory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_productionId_fkey" FOREIGN KEY ("productionId") REFERENCES "Production"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written rules (Prisma cannot express them); their messages are in
-- packages/db/src/rules/constraints.ts.
ALTER TABLE "Claim"
  ADD CONSTRAINT "Claim_subject_one" CHECK (num_nonnulls("brandId", "modelId", "factoryId", "productionId") = 1),
  ADD CONSTRAINT "Claim_statement_nonblank" CHECK (length(btrim("statement")) > 0),
  ADD CONSTRAINT "Claim_quote_nonblank" CHECK (length(btrim("quote")) > 0),
  ADD CONSTRAINT "Claim_sharePercent_range" CHECK ("sharePercent" >= 0 AND "sharePercent" <= 100),
  ADD CONSTRAINT "Claim_madeIn_country" CHECK ("topic"::text <> 'MADE_IN' OR "countryCode" IS NOT NULL),
  ADD CONSTRAINT "Claim_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Source"
  ADD CONSTRAINT "Source_text_nonblank" CHECK (length(btrim("text")) > 0);

-- NOT VALID: rows stored before these rules are not rejected wholesale; any write to
-- such a row must bring it in line (e.g. give the year its workforce figure held).
ALTER TABLE "Factory"
  ADD CONSTRAINT "Factory_plannedOpeningYear_range" CHECK ("plannedOpeningYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Factory_workforceYear_range" CHECK ("workforceYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Factory_weeklyCapacityYear_range" CHECK ("weeklyCapacityYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Factory_workforceYear_paired" CHECK (("workforce" IS NULL) = ("workforceYear" IS NULL)) NOT VALID,
  ADD CONSTRAINT "Factory_weeklyCapacityYear_paired" CHECK (("weeklyCapacityPairs" IS NULL) = ("weeklyCapacityYear" IS NULL)) NOT VALID,
  ADD CONSTRAINT "Factory_planned_not_opened" CHECK ("status" <> 'PLANNED' OR "openedYear" IS NULL) NOT VALID;

-- Citation invariant: a factory or a production always cites at least one source. The
-- check runs at commit (deferred), so a fact and its first citation are written in one
-- transaction in either order, and deleting the fact takes its citations with it.
CREATE FUNCTION "solegraph_require_citation"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fact_table text := TG_ARGV[0];
  citation_table text := TG_ARGV[1];
  fact_key text := TG_ARGV[2];
  fact_id integer;
  locked integer;
  cited boolean;
BEGIN
  IF TG_TABLE_NAME = fact_table THEN
    fact_id := (to_jsonb(NEW) ->> 'id')::integer;
  ELSE
    fact_id := (to_jsonb(OLD) ->> fact_key)::integer;
  END IF;
  -- Locking the fact serializes concurrent removals of its citations: the count below
  -- (a new snapshot under READ COMMITTED) then sees what the other one committed.
  EXECUTE format('SELECT id FROM %I WHERE id = $1 FOR UPDATE', fact_table) INTO locked USING fact_id;
  IF locked IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', citation_table, fact_key) INTO cited USING fact_id;
  IF NOT cited THEN
    RAISE EXCEPTION '% % violates constraint "%": it must cite at least one source', fact_table, fact_id, TG_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = fact_table;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Factory_cited" AFTER INSERT ON "Factory"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "solegraph_require_citation"('Factory', 'FactorySource', 'factoryId');
CREATE CONSTRAINT TRIGGER "Factory_cited" AFTER DELETE OR UPDATE ON "FactorySource"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "solegraph_require_citation"('Factory', 'FactorySource', 'factoryId');
CREATE CONSTRAINT TRIGGER "Production_cited" AFTER INSERT ON "Production"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "solegraph_require_citation"('Production', 'ProductionSource', 'productionId');
CREATE CONSTRAINT TRIGGER "Production_cited" AFTER DELETE OR UPDATE ON "ProductionSource"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "solegraph_require_citation"('Production', 'ProductionSource', 'productionId');
