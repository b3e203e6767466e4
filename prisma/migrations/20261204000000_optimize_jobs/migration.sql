-- Optimizing jobs live in the database, so every app instance answers a poll about them.
CREATE TABLE "OptimizeJob" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "result" TEXT,
    "runId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OptimizeJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
