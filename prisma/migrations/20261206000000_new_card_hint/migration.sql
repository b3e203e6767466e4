-- Where the study queue starts looking for a learner's new cards in a deck (app/lib/data/new-card-hint.ts):
-- every card of the deck below "position" has a CardState row for the learner. The triggers delete the
-- hint whenever that may stop being true, whichever code path writes: a learner's state deleted (undo of
-- a first grade, restore, reset, a card or learner deleted), a card added to the deck, or a card moved
-- (position or deck changed). Retiring cards, marks and deck changes leave it true.
CREATE TABLE "NewCardHint" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "deckId")
);
CREATE INDEX "NewCardHint_deckId_idx" ON "NewCardHint"("deckId");

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
CREATE TRIGGER "NewCardHint_card_added" AFTER INSERT ON "Card"
BEGIN
    DELETE FROM "NewCardHint" WHERE "deckId" = NEW."deckId";
END;
CREATE TRIGGER "NewCardHint_card_moved" AFTER UPDATE OF "position", "deckId" ON "Card"
    WHEN OLD."position" IS NOT NEW."position" OR OLD."deckId" IS NOT NEW."deckId"
BEGIN
    DELETE FROM "NewCardHint" WHERE "deckId" = NEW."deckId";
END;
