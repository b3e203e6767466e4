-- When a deck's first buried card comes back (app/lib/data/queue-sql.ts laterDueQuery, read with every
-- one-deck queue) read every mark of the learner (suspended, flagged, long unburied) and sorted those
-- still buried. Walked in buriedUntil order from now, it reads only the marks still buried and stops
-- at the deck's first.
CREATE INDEX "CardMark_userId_buriedUntil_idx" ON "CardMark"("userId", "buriedUntil");
