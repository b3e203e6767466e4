-- The deck list is read a page at a time in (title, id) order: one index range per page.
CREATE INDEX "Deck_title_id_idx" ON "Deck"("title", "id");
