-- Each card state names its card's deck, so that one deck's study queue reads that deck's learning
-- cards and reviews alone, in due order, from CardState(userId, deckId, state, due) (app/lib/data/queue-sql.ts),
-- rather than every due card of the learner's and then their cards' decks. Every insert names the deck
-- (NOT NULL, no default: an insert that forgets it fails); a trigger keeps it when a card changes deck.
-- SQLite adds a NOT NULL column without a default only by rebuilding the table, which drops its
-- triggers: the two of migration 20261206000000_new_card_hint are made again, unchanged.
CREATE TABLE "new_CardState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsed_days" INTEGER NOT NULL,
    "scheduled_days" INTEGER NOT NULL,
    "learning_steps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "last_review" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("id", "userId", "cardId", "deckId", "due", "stability", "difficulty", "elapsed_days",
    "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review", "version", "updatedAt")
SELECT s."id", s."userId", s."cardId", c."deckId", s."due", s."stability", s."difficulty", s."elapsed_days",
    s."scheduled_days", s."learning_steps", s."reps", s."lapses", s."state", s."last_review", s."version", s."updatedAt"
FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_userId_due_idx" ON "CardState"("userId", "due");
CREATE UNIQUE INDEX "CardState_userId_cardId_key" ON "CardState"("userId", "cardId");
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");
CREATE INDEX "CardState_userId_deckId_state_due_idx" ON "CardState"("userId", "deckId", "state", "due");

CREATE TRIGGER "NewCardHint_state_deleted" AFTER DELETE ON "CardState"
BEGIN
    DELETE FROM "NewCardHint" WHERE "userId" = OLD."userId"
        AND "deckId" = (SELECT "deckId" FROM "Card" WHERE "id" = OLD."cardId");
END;
CREATE TRIGGER "NewCardHint_state_moved" AFTER UPDATE OF "userId", "cardId" ON "CardState"
    WHEN OLD."userId" IS NOT NEW."userId" OR OLD."cardId" IS NOT NEW."cardId"
BEGIN
    DELETE FROM "NewCardHint" WHERE "userId" = OLD."userId"
        AND "deckId" = (SELECT "deckId" FROM "Card" WHERE "id" = OLD."cardId");
END;

CREATE TRIGGER "CardState_card_moved" AFTER UPDATE OF "deckId" ON "Card"
    WHEN OLD."deckId" IS NOT NEW."deckId"
BEGIN
    UPDATE "CardState" SET "deckId" = NEW."deckId" WHERE "cardId" = NEW."id";
END;

-- Whether a deck has term cards (app/lib/data/study-deck-context.ts, read with every queue) looked at
-- each of the deck's active cards; with the kind in the index it finds the deck's term cards alone.
DROP INDEX "Card_deckId_retiredAt_idx";
CREATE INDEX "Card_deckId_retiredAt_kind_idx" ON "Card"("deckId", "retiredAt", "kind");
