/** One learner's data as a versioned JSON document, and its restore into an empty database. */
export { createBackup } from "./create-backup";
export { parseBackup, restoreBackup, type RestoreCounts } from "./restore-backup";
export { BackupError, backupFormat, backupSchema, backupVersion, type Backup } from "./schema";
