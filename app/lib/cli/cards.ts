/** Entry point of `npm run cards -- <command>`: see run.ts and commands/. */
import { runCli } from "./run";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
