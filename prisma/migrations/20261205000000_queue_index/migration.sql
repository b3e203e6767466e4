-- The study queue (app/lib/data/queue-sql.ts, measured by bench/queue.ts). A learner's learning cards,
-- and reviews in due order stopping at the day's limit, as Anki's ix_cards_sched (deck, queue, due):
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");
-- A deck's new cards (no CardState row for the learner) in file order, stopping after the allowance:
CREATE INDEX "Card_deckId_position_idx" ON "Card"("deckId", "position");
