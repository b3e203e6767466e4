import { commands } from "./commands";
import { exitCode, UsageError, type CliIo, type ExitCode } from "./command";

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const list = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return [
    "Usage: cards <command> [options]   (npm run cards -- <command> ...)",
    "",
    "Commands:",
    ...list,
    "",
    "Run `cards <command> --help` for a command's options.",
  ].join("\n");
}

/**
 * Runs `cards <command> ...args` and returns the exit code. Usage errors print the command's usage
 * to stderr and give 2; anything unexpected is printed and gives 1.
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const out = name === undefined ? io.stderr : io.stdout;
    out(`${overview()}\n`);
    return name === undefined ? exitCode.usage : exitCode.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`cards: unknown command "${name}"\n\n${overview()}\n`);
    return exitCode.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cards ${name}: ${error.message}\n\n${command.usage}\n`);
      return exitCode.usage;
    }
    io.stderr(`cards ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitCode.failed;
  }
}
