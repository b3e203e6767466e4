/** What every `cards` sub-command is made of, and how it reaches the terminal. */
import path from "node:path";
import { readEnv } from "@/app/lib/env";

/** The process's exit codes: 0 done, 1 some input failed, 2 the command line was wrong. */
export const exitCode = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCode)[keyof typeof exitCode];

/** Where a command writes; tests pass buffers, the entry point passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** One `cards <name>` sub-command; registered by name in commands/index.ts. */
export interface Command {
  /** One line for the command list in `cards --help`. */
  summary: string;
  /** Full usage text for `cards <command> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** The command line is wrong: the message is printed with the usage and the exit code is 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A path as the person typed it would read: relative inside the working folder, absolute outside it. */
export function displayPath(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** The validated environment; a bad variable is a usage error (exit 2) naming it. */
export function readCommandEnv(io: CliIo) {
  try {
    return readEnv(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
