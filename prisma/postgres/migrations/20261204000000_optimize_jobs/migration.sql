-- Optimizing jobs live in the database, so every app instance answers a poll about them.
CREATE TABLE "OptimizeJob" (
    "userId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "result" TEXT,
    "runId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OptimizeJob_pkey" PRIMARY KEY ("userId")
);
ALTER TABLE "OptimizeJob" ADD CONSTRAINT "OptimizeJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
