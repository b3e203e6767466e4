-- The learner's loop: settings per learner and per deck, card marks (bury, suspend, flag, leech), and
-- decks in the trash or whose file has gone.
ALTER TABLE "Deck" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "Deck" ADD COLUMN "missingAt" DATETIME;

CREATE TABLE "LearnerSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "burySiblings" BOOLEAN NOT NULL DEFAULT true,
    "leechThreshold" INTEGER NOT NULL DEFAULT 8,
    "fsrsParameters" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LearnerSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "DeckSettings" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "newPerDay" INTEGER,
    "maxReviewsPerDay" INTEGER,
    "desiredRetention" REAL,
    "learningSteps" TEXT,
    "relearningSteps" TEXT,
    "quizMode" TEXT,
    "studyReversed" BOOLEAN,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "deckId"),
    CONSTRAINT "DeckSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckSettings_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "DeckSettings_deckId_idx" ON "DeckSettings"("deckId");

CREATE TABLE "CardMark" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "buriedUntil" DATETIME,
    "suspendedAt" DATETIME,
    "flag" INTEGER NOT NULL DEFAULT 0,
    "leechAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "CardMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardMark_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "CardMark_cardId_idx" ON "CardMark"("cardId");
