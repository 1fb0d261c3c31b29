-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('CURATE', 'ADMIN');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('CREATE', 'UPDATE', 'DELETE', 'CITE', 'UNCITE');

-- CreateEnum
CREATE TYPE "ChangeEntityType" AS ENUM ('BRAND', 'SNEAKER_MODEL', 'FACTORY', 'PROCESS_STEP', 'PRODUCTION', 'SOURCE');

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "lookupId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" "TokenScope"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" SERIAL NOT NULL,
    "tokenId" INTEGER NOT NULL,
    "entityType" "ChangeEntityType" NOT NULL,
    "entityId" INTEGER NOT NULL,
    "action" "ChangeAction" NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_name_key" ON "ApiToken"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_lookupId_key" ON "ApiToken"("lookupId");

-- CreateIndex
CREATE INDEX "Change_entityType_entityId_id_idx" ON "Change"("entityType", "entityId", "id");

-- CreateIndex
CREATE INDEX "Change_tokenId_idx" ON "Change"("tokenId");

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What Prisma cannot express (see the init migration): token names are identifiers
-- shown in the audit trail; hashes are hex SHA-256; every token has a scope; a change
-- record says what the entity was or became.
ALTER TABLE "ApiToken"
  ADD CONSTRAINT "ApiToken_name_format" CHECK ("name" ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length("name") <= 80),
  ADD CONSTRAINT "ApiToken_lookupId_format" CHECK ("lookupId" ~ '^[0-9a-f]{16}$'),
  ADD CONSTRAINT "ApiToken_tokenHash_format" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "ApiToken_scopes_nonempty" CHECK ("scopes" IS NOT NULL AND cardinality("scopes") > 0);

ALTER TABLE "Change"
  ADD CONSTRAINT "Change_has_snapshot" CHECK ("before" IS NOT NULL OR "after" IS NOT NULL);
