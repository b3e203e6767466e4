/** Next calls `register()` once when a server process starts. */
export async function register(): Promise<void> {
  // Both steps need Node (fs, chokidar, the database); dynamic imports keep them out of the edge and
  // client bundles.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad environment (accounts on without a secret) stops the server here, with the reason.
  const { checkServerEnv } = await import("@/app/lib/auth/check-server-env");
  checkServerEnv();
  try {
    const { settleInterruptedImports } = await import("@/app/lib/anki/settle-interrupted-imports");
    await settleInterruptedImports();
  } catch (error) {
    // The app still serves; the next `cards import` or start tries again.
    console.error("media left by an interrupted Anki import were not settled", error);
  }
  try {
    const { startLiveSync } = await import("@/app/lib/live/start-live-sync");
    await startLiveSync();
  } catch (error) {
    // Without the watcher the app still serves; edits then show after the next `cards import`.
    console.error("notes folder watcher did not start", error);
  }
}
