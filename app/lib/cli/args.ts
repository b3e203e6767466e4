import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { UsageError } from "./command";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments with node:util's parseArgs and checks them with a zod schema of
 * `{ positionals, values }`. Unknown options and schema failures become {@link UsageError}s.
 */
export function readArgs<Schema extends z.ZodType>(
  args: string[],
  options: Options,
  schema: Schema,
): z.infer<Schema> {
  let parsed: { values: unknown; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    throw new UsageError(checked.error.issues.map((issue) => issue.message).join("; "));
  }
  return checked.data;
}

/** True when `--help`/`-h` is among the arguments, checked before anything else can fail. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}
