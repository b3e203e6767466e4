import { z } from "zod";
import { hostEntrySchema } from "@/app/lib/http/allowed-hosts";

/**
 * The process environment, validated once. `DATABASE_URL` picks the database: a `file:` path for the
 * embedded SQLite default, or a `postgresql://` URL.
 */
const envVariables = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default("file:./data/notecards.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  /** Where imported media (Anki images) are kept; served at /media/<deck>/<file>. */
  MEDIA_DIR: z.string().trim().min(1).default("data/media"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The port the server listens on; `next start -p` sets it too. Names the default allowed hosts. */
  PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(1).max(65_535).default(3000),
  ),
  /**
   * Comma-separated `host[:port]` names the server answers to (a name without a port allows any
   * port). Any other Host header is refused, so a page whose domain was re-pointed at this machine
   * (DNS rebinding) cannot read or change the learner's data. Default: localhost, 127.0.0.1 and
   * [::1] on PORT.
   */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((list) => {
      const entries = list
        ?.split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean);
      return entries?.length ? entries : undefined;
    })
    .pipe(z.array(hostEntrySchema).optional()),
  /**
   * "on" for sign-in with accounts (each learner their own progress and decks), "off" for one local
   * learner with no sign-in. Default: off on SQLite (the embedded single-user app), on on PostgreSQL
   * (a hosted deployment, which must not be open to anyone who can reach it).
   */
  ACCOUNTS: z.enum(["on", "off"]).optional(),
  /** Signs session cookies; required with accounts on. Generate one with `openssl rand -base64 32`. */
  BETTER_AUTH_SECRET: z.string().trim().optional(),
  /** The public origin of the app, e.g. https://cards.example.org; default http://localhost:PORT. */
  BETTER_AUTH_URL: z
    .url({ protocol: /^https?$/, message: "BETTER_AUTH_URL must be an http:// or https:// origin" })
    .optional(),
  /**
   * On PostgreSQL one instance watches the notes folder (it holds an advisory lock); the others try
   * to take over this often, in milliseconds.
   */
  WATCH_LOCK_RETRY_MS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(50).max(600_000).default(5_000),
  ),
  /** Sign-in and sign-up attempts allowed per client address per minute. */
  AUTH_RATE_LIMIT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(1).max(1_000_000).default(10),
  ),
});

const envSchema = envVariables.transform((env) => ({
  ...env,
  ACCOUNTS: (env.ACCOUNTS ?? (env.DATABASE_URL.startsWith("file:") ? "off" : "on")) === "on",
  ALLOWED_HOSTS:
    env.ALLOWED_HOSTS ?? ["localhost", "127.0.0.1", "[::1]"].map((host) => `${host}:${env.PORT}`),
}));

type ParsedEnv = z.infer<typeof envSchema>;
/** Read-only: one parse is shared by every caller (readEnv). */
export type Env = Readonly<Omit<ParsedEnv, "ALLOWED_HOSTS"> & { ALLOWED_HOSTS: readonly string[] }>;

/** Variables by name: `process.env`, or a plain object in tests and the CLI. */
export type EnvSource = Record<string, string | undefined>;

const variableNames = Object.keys(envVariables.shape);

/** The last parse of `process.env`, under the values it was parsed from. */
let lastParsed: { values: string; env: Env } | undefined;

/**
 * The environment, validated. Requests read it (who is signed in, which hosts are allowed) several
 * times each; parsing it every time was a measurable share of a grade's CPU, so `process.env` is
 * parsed again only when one of the variables read here has changed (tests change them). The
 * answer is frozen: it is shared by every caller until then.
 */
export function readEnv(source: EnvSource = process.env): Env {
  if (source !== process.env) return parseEnv(source);
  // A NUL cannot occur in an environment variable, so the joined values name one environment.
  const values = variableNames.map((name) => `${name}=${source[name] ?? "\u0000"}`).join("\u0000");
  if (lastParsed?.values === values) return lastParsed.env;
  const env = parseEnv(source);
  lastParsed = { values, env };
  return env;
}

function parseEnv(source: EnvSource): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return Object.freeze({ ...parsed.data, ALLOWED_HOSTS: Object.freeze([...parsed.data.ALLOWED_HOSTS]) });
}

/** The shortest BETTER_AUTH_SECRET accepted: 32 characters, as `openssl rand -base64 32` gives 44. */
export const minAuthSecretLength = 32;

/**
 * The environment of the web server, which signs session cookies: readEnv's rules plus a secret when
 * accounts are on. The `cards` command reads only readEnv: it serves no sign-ins, so it keeps working
 * on PostgreSQL without the secret. instrumentation.ts calls this at start-up, so a server with accounts
 * on and no secret refuses to start instead of failing at the first sign-in.
 */
export function readServerEnv(source: EnvSource = process.env): Env {
  const env = readEnv(source);
  if (env.ACCOUNTS && (env.BETTER_AUTH_SECRET?.length ?? 0) < minAuthSecretLength) {
    throw new Error(
      "Invalid environment: BETTER_AUTH_SECRET: accounts are on (ACCOUNTS=on, the default on PostgreSQL), " +
        `so BETTER_AUTH_SECRET must be set to at least ${minAuthSecretLength} characters ` +
        "(openssl rand -base64 32); or set ACCOUNTS=off for one local learner",
    );
  }
  return env;
}
