/**
 * Whether this instance can serve learners: its database is open (migrated) and answers a query
 * within `timeoutMs`. GET /api/health asks it for a load balancer, which sends an instance no
 * learners until it says yes: a fresh instance otherwise took its share of grades while it was
 * still opening its database, and a database that stopped answering would keep taking grades
 * that could only fail.
 */
import type { OpenDatabase } from "./client";

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function checkReadiness(
  openDatabase: () => Promise<OpenDatabase>,
  timeoutMs: number,
): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: `The database did not answer within ${timeoutMs} ms.` }),
      timeoutMs,
    );
  });
  const answered = (async (): Promise<Readiness> => {
    try {
      const { prisma } = await openDatabase();
      await prisma.$queryRawUnsafe("SELECT 1");
      return { ready: true };
    } catch (error) {
      // The reason goes to the server's log; the answer only says that the database is unreachable.
      console.error("readiness check: the database is not reachable", error);
      return { ready: false, reason: "The database cannot be reached." };
    }
  })();
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}
