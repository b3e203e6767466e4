import { z } from "zod";
import { hostEntrySchema } from "@/app/lib/http/allowed-hosts";

/**
 * The process environment, validated once. `DATABASE_URL` picks the database: a `file:` path for the
 * embedded SQLite default, or a `postgresql://` URL.
 */
const envSchema = z
  .object({
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
  })
  .transform((env) => ({
    ...env,
    ALLOWED_HOSTS:
      env.ALLOWED_HOSTS ?? ["localhost", "127.0.0.1", "[::1]"].map((host) => `${host}:${env.PORT}`),
  }));

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}
