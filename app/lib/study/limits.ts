/** New cards a learner may start per deck per day (Anki's default). */
export const newCardsPerDay = 20;
