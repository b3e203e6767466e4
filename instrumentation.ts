/** Next calls `register()` once when a server process starts. */
export async function register(): Promise<void> {
  // The watcher needs Node (fs, chokidar, the database); the dynamic import keeps it out of the edge
  // and client bundles.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { startLiveSync } = await import("@/app/lib/live/start-live-sync");
    await startLiveSync();
  } catch (error) {
    // Without the watcher the app still serves; edits then show after the next `cards import`.
    console.error("notes folder watcher did not start", error);
  }
}
