-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "priceCheckedCatalog" TEXT;

-- CreateTable
CREATE TABLE "PriceNotice" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "revisionNumber" INTEGER NOT NULL,
    "catalogBefore" TEXT NOT NULL,
    "catalogAfter" TEXT NOT NULL,
    "verdictBefore" TEXT NOT NULL,
    "verdictAfter" TEXT NOT NULL,
    "tcoBefore" DOUBLE PRECISION NOT NULL,
    "tcoAfter" DOUBLE PRECISION NOT NULL,
    "movedPrices" JSONB NOT NULL,
    "mailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PriceNotice_projectId_catalogAfter_key" ON "PriceNotice"("projectId", "catalogAfter");

-- AddForeignKey
ALTER TABLE "PriceNotice" ADD CONSTRAINT "PriceNotice_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
