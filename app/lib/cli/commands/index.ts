import type { Command } from "../command";
import { backupCommand } from "./backup";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { parseCommand } from "./parse";
import { restoreCommand } from "./restore";
import { trashCommand } from "./trash";

/** Every `cards` sub-command by name. To add one: a module in this folder and a line here. */
export const commands: Record<string, Command> = {
  parse: parseCommand,
  import: importCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  trash: trashCommand,
};
