-- The learner's loop: settings per learner and per deck, card marks (bury, suspend, flag, leech), and
-- decks in the trash or whose file has gone.
ALTER TABLE "Deck" ADD COLUMN "deletedAt" TIMESTAMP(3);
ALTER TABLE "Deck" ADD COLUMN "missingAt" TIMESTAMP(3);

CREATE TABLE "LearnerSettings" (
    "userId" TEXT NOT NULL,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "burySiblings" BOOLEAN NOT NULL DEFAULT true,
    "leechThreshold" INTEGER NOT NULL DEFAULT 8,
    "fsrsParameters" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearnerSettings_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "DeckSettings" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "newPerDay" INTEGER,
    "maxReviewsPerDay" INTEGER,
    "desiredRetention" DOUBLE PRECISION,
    "learningSteps" TEXT,
    "relearningSteps" TEXT,
    "quizMode" TEXT,
    "studyReversed" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeckSettings_pkey" PRIMARY KEY ("userId", "deckId")
);
CREATE INDEX "DeckSettings_deckId_idx" ON "DeckSettings"("deckId");

CREATE TABLE "CardMark" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "buriedUntil" TIMESTAMP(3),
    "suspendedAt" TIMESTAMP(3),
    "flag" INTEGER NOT NULL DEFAULT 0,
    "leechAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CardMark_pkey" PRIMARY KEY ("userId", "cardId")
);
CREATE INDEX "CardMark_cardId_idx" ON "CardMark"("cardId");

ALTER TABLE "LearnerSettings" ADD CONSTRAINT "LearnerSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeckSettings" ADD CONSTRAINT "DeckSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DeckSettings" ADD CONSTRAINT "DeckSettings_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CardMark" ADD CONSTRAINT "CardMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CardMark" ADD CONSTRAINT "CardMark_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;
