import { z } from "zod";

/**
 * The process environment, validated once. `DATABASE_URL` picks the database: a `file:` path for the
 * embedded SQLite default, or a `postgresql://` URL.
 */
const envSchema = z.object({
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
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}
