/**
 * Whom a `cards` command acts for. The CLI runs on the server, beside the database, with no session:
 * by default it is the local learner (single-user mode); `--user <email>` names an account when
 * accounts are on, and is only ever used by the commands that read or write one learner's data.
 */
import { localUserId } from "@/app/lib/auth/local-learner";
import type { Db } from "@/app/lib/database/client";

export interface CliLearner {
  userId: string;
  /** True for an account: its data is restored beside other learners', not into an empty database. */
  accounts: boolean;
}

/** The learner `email` names (null when no account has it), or the local learner without one. */
export async function findCliLearner(prisma: Db, email: string | undefined): Promise<CliLearner | null> {
  if (email === undefined) return { userId: localUserId, accounts: false };
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return user ? { userId: user.id, accounts: true } : null;
}

export const userOptionHelp =
  "  --user <email>   the account to act for (accounts on); default the local learner";
