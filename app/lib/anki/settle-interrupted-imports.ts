import { getDb } from "@/app/lib/db";
import { readEnv } from "@/app/lib/env";
import { recoverStagedMedia } from "./media-staging";

/**
 * At app start: media an Anki import killed mid-way left staged in MEDIA_DIR are moved into place
 * (its transaction committed) or removed (it did not). See media-staging.ts.
 */
export async function settleInterruptedImports(): Promise<void> {
  const { prisma } = await getDb();
  const { published, discarded } = await recoverStagedMedia(prisma, readEnv().MEDIA_DIR);
  if (published + discarded) {
    console.log(
      `Media left by an interrupted Anki import: ${published} folder(s) moved into place, ${discarded} removed.`,
    );
  }
}
