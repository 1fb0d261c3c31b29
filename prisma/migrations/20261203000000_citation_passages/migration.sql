-- Every answer true to its sources (issue 21): a citation, and a claim, point at the
-- passage that says it (`locator`: the source's URL with a text fragment, or a
-- facility list's row) and say in our own words what it states (`statement`), with the
-- day it was read (`retrievedOn`). Quotes stay only for sources whose text the graph
-- keeps. Process steps' general descriptions are cited like facts.
--
-- The columns are nullable: rows written before this change have none, and
-- `npm run data:check` names each of them; the API and the seed always write them.

-- AlterEnum: a share of a brand's sales is not a share of its production.
ALTER TYPE "ClaimTopic" ADD VALUE 'SALES_SHARE';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "locator" TEXT,
ADD COLUMN     "retrievedOn" DATE;

-- AlterTable
ALTER TABLE "BrandSource" ADD COLUMN     "locator" TEXT,
ADD COLUMN     "retrievedOn" DATE,
ADD COLUMN     "statement" TEXT;

-- AlterTable
ALTER TABLE "SneakerModelSource" ADD COLUMN     "locator" TEXT,
ADD COLUMN     "retrievedOn" DATE,
ADD COLUMN     "statement" TEXT;

-- AlterTable
ALTER TABLE "FactorySource" ADD COLUMN     "locator" TEXT,
ADD COLUMN     "retrievedOn" DATE,
ADD COLUMN     "statement" TEXT;

-- AlterTable
ALTER TABLE "ProductionSource" ADD COLUMN     "locator" TEXT,
ADD COLUMN     "retrievedOn" DATE,
ADD COLUMN     "statement" TEXT;

-- CreateTable
CREATE TABLE "ProcessStepSource" (
    "stepId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "supports" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "locator" TEXT,
    "statement" TEXT,
    "retrievedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessStepSource_pkey" PRIMARY KEY ("stepId","sourceId")
);

-- CreateIndex
CREATE INDEX "ProcessStepSource_sourceId_idx" ON "ProcessStepSource"("sourceId");

-- AddForeignKey
ALTER TABLE "ProcessStepSource" ADD CONSTRAINT "ProcessStepSource_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessStepSource" ADD CONSTRAINT "ProcessStepSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written below (Prisma cannot express these); their messages are in
-- packages/db/src/rules/constraints.ts.
ALTER TABLE "BrandSource"
  ADD CONSTRAINT "BrandSource_locator_fragment" CHECK ("locator" ~ '^(https?://[^[:space:]#]+)?#[^[:space:]]+$' AND length("locator") <= 2000),
  ADD CONSTRAINT "BrandSource_statement_nonblank" CHECK (length(btrim("statement")) > 0),
  ADD CONSTRAINT "BrandSource_quote_nonblank" CHECK (length(btrim("quote")) > 0);
ALTER TABLE "SneakerModelSource"
  ADD CONSTRAINT "SneakerModelSource_locator_fragment" CHECK ("locator" ~ '^(https?://[^[:space:]#]+)?#[^[:space:]]+$' AND length("locator") <= 2000),
  ADD CONSTRAINT "SneakerModelSource_statement_nonblank" CHECK (length(btrim("statement")) > 0),
  ADD CONSTRAINT "SneakerModelSource_quote_nonblank" CHECK (length(btrim("quote")) > 0);
ALTER TABLE "FactorySource"
  ADD CONSTRAINT "FactorySource_locator_fragment" CHECK ("locator" ~ '^(https?://[^[:space:]#]+)?#[^[:space:]]+$' AND length("locator") <= 2000),
  ADD CONSTRAINT "FactorySource_statement_nonblank" CHECK (length(btrim("statement")) > 0),
  ADD CONSTRAINT "FactorySource_quote_nonblank" CHECK (length(btrim("quote")) > 0);
ALTER TABLE "ProductionSource"
  ADD CONSTRAINT "ProductionSource_locator_fragment" CHECK ("locator" ~ '^(https?://[^[:space:]#]+)?#[^[:space:]]+$' AND length("locator") <= 2000),
  ADD CONSTRAINT "ProductionSource_statement_nonblank" CHECK (length(btrim("statement")) > 0),
  ADD CONSTRAINT "ProductionSource_quote_nonblank" CHECK (length(btrim("quote")) > 0);
ALTER TABLE "ProcessStepSource"
  ADD CONSTRAINT "ProcessStepSource_locator_fragment" CHECK ("locator" ~ '^(https?://[^[:space:]#]+)?#[^[:space:]]+$' AND length("locator") <= 2000),
  ADD CONSTRAINT "ProcessStepSource_statement_nonblank" CHECK (length(btrim("statement")) > 0),
  ADD CONSTRAINT "ProcessStepSource_quote_nonblank" CHECK (length(btrim("quote")) > 0);
ALTER TABLE "Claim"
  ADD CONSTRAINT "Claim_locator_fragment" CHECK ("locator" ~ '^(https?://[^[:space:]#]+)?#[^[:space:]]+$' AND length("locator") <= 2000);
