-- Stored revisions are versioned (issue #15.5) and may hold a portfolio (issue #12).
-- Existing rows are single assessments in the first stored shape.
ALTER TABLE "Revision" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'assessment';
ALTER TABLE "Revision" ADD COLUMN "shapeVersion" INTEGER NOT NULL DEFAULT 1;
