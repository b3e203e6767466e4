-- Where the study queue starts looking for a learner's new cards in a deck (app/lib/data/new-card-hint.ts):
-- every card of the deck below "position" has a CardState row for the learner. The triggers delete the
-- hint whenever that may stop being true, whichever code path writes: a learner's state deleted (undo of
-- a first grade, restore, reset, a card or learner deleted), a card added to the deck, or a card moved
-- (position or deck changed). Retiring cards, marks and deck changes leave it true.
CREATE TABLE "NewCardHint" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "NewCardHint_pkey" PRIMARY KEY ("userId", "deckId")
);
CREATE INDEX "NewCardHint_deckId_idx" ON "NewCardHint"("deckId");

-- Each trigger takes the deck's advisory lock shared before deleting, and the read takes it exclusive
-- while it writes a hint (app/lib/data/new-card-hint.ts): a hint is then computed either after such a
-- write committed, or before it, in which case the write deletes it once the hint is committed.
CREATE FUNCTION "NewCardHint_forget_state"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deck TEXT;
BEGIN
    SELECT "deckId" INTO deck FROM "Card" WHERE "id" = OLD."cardId";
    IF deck IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock_shared(1106, hashtext(deck));
        DELETE FROM "NewCardHint" WHERE "userId" = OLD."userId" AND "deckId" = deck;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION "NewCardHint_forget_deck"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1106, hashtext(NEW."deckId"));
    DELETE FROM "NewCardHint" WHERE "deckId" = NEW."deckId";
    RETURN NULL;
END $$;
CREATE TRIGGER "NewCardHint_state_deleted" AFTER DELETE ON "CardState"
    FOR EACH ROW EXECUTE FUNCTION "NewCardHint_forget_state"();
CREATE TRIGGER "NewCardHint_state_moved" AFTER UPDATE OF "userId", "cardId" ON "CardState"
    FOR EACH ROW WHEN (OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."cardId" IS DISTINCT FROM NEW."cardId")
    EXECUTE FUNCTION "NewCardHint_forget_state"();
CREATE TRIGGER "NewCardHint_card_added" AFTER INSERT ON "Card"
    FOR EACH ROW EXECUTE FUNCTION "NewCardHint_forget_deck"();
CREATE TRIGGER "NewCardHint_card_moved" AFTER UPDATE OF "position", "deckId" ON "Card"
    FOR EACH ROW WHEN (OLD."position" IS DISTINCT FROM NEW."position" OR OLD."deckId" IS DISTINCT FROM NEW."deckId")
    EXECUTE FUNCTION "NewCardHint_forget_deck"();
