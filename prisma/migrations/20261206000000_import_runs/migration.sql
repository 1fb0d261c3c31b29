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

