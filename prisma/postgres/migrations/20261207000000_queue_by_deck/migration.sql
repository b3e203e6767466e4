-- Each card state names its card's deck, so that one deck's study queue reads that deck's learning
-- cards and reviews alone, in due order, from CardState(userId, deckId, state, due) (app/lib/data/queue-sql.ts),
-- rather than every due card of the learner's and then their cards' decks. Every insert names the deck
-- (NOT NULL, no default: an insert that forgets it fails); a trigger keeps it when a card changes deck.
ALTER TABLE "CardState" ADD COLUMN "deckId" TEXT;
UPDATE "CardState" s SET "deckId" = c."deckId" FROM "Card" c WHERE c."id" = s."cardId";
ALTER TABLE "CardState" ALTER COLUMN "deckId" SET NOT NULL;
CREATE INDEX "CardState_userId_deckId_state_due_idx" ON "CardState"("userId", "deckId", "state", "due");

CREATE FUNCTION "CardState_follow_card"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "CardState" SET "deckId" = NEW."deckId" WHERE "cardId" = NEW."id";
    RETURN NULL;
END $$;
CREATE TRIGGER "CardState_card_moved" AFTER UPDATE OF "deckId" ON "Card"
    FOR EACH ROW WHEN (OLD."deckId" IS DISTINCT FROM NEW."deckId")
    EXECUTE FUNCTION "CardState_follow_card"();

-- Whether a deck has term cards (app/lib/data/study-deck-context.ts, read with every queue) looked at
-- each of the deck's active cards; with the kind in the index it finds the deck's term cards alone.
DROP INDEX "Card_deckId_retiredAt_idx";
CREATE INDEX "Card_deckId_retiredAt_kind_idx" ON "Card"("deckId", "retiredAt", "kind");
