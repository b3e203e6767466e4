import type { Command } from "../command";
import { importCommand } from "./import";
import { parseCommand } from "./parse";

/** Every `cards` sub-command by name. To add one: a module in this folder and a line here. */
export const commands: Record<string, Command> = {
  parse: parseCommand,
  import: importCommand,
};
