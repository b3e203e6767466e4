/** One learner's data as a versioned JSON document, and its restore into that learner (restore-plan.ts). */
export { createBackup } from "./create-backup";
export { parseBackup, restoreBackup, type RestoreCounts } from "./restore-backup";
export type { RestoreTarget } from "./restore-plan";
export { BackupError, backupFormat, backupSchema, backupVersion, type Backup } from "./schema";
