"use server";

import { z } from "zod";
import { getDb } from "@/app/lib/db";
import { deckOverridesSchema, isValidTimeZone, learnerSettingsSchema } from "@/app/lib/settings";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { adoptTimeZoneWith, saveDeckOverridesWith, saveLearnerSettingsWith } from "./study-settings";

export type SettingsFormState = {
  status: "idle" | "saved" | "invalid" | "not-found";
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** What was submitted, so a refused form shows the learner's text rather than the old values. */
  values?: Record<string, string>;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Saved values as the form shows them: null (inherit) blank, a ticked box "on". */
function asText(values: Record<string, string | number | boolean | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      value === null || value === false ? "" : value === true ? "on" : String(value),
    ]),
  );
}

function submitted(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, text(form, name)]));
}

const learnerFields = [
  "newPerDay",
  "maxReviewsPerDay",
  "desiredRetention",
  "learningSteps",
  "relearningSteps",
  "dayStartHour",
  "timeZone",
  "leechThreshold",
] as const;
const deckFields = [
  "newPerDay",
  "maxReviewsPerDay",
  "desiredRetention",
  "learningSteps",
  "relearningSteps",
] as const;

/** The Study section of /settings. */
export async function saveLearnerSettings(
  _previous: SettingsFormState,
  form: FormData,
): Promise<SettingsFormState> {
  const values = { ...submitted(form, learnerFields), burySiblings: form.get("burySiblings") ? "on" : "" };
  const parsed = learnerSettingsSchema.safeParse({ ...values, burySiblings: values.burySiblings === "on" });
  if (!parsed.success)
    return {
      status: "invalid",
      message: "Nothing was saved: fix the fields marked in red.",
      errors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  await saveLearnerSettingsWith(prisma, userId, parsed.data);
  // The form resets to these after the action: the stored values, tidied (steps spaced once).
  return {
    status: "saved",
    message: "Saved. The next study session uses these settings.",
    values: asText(parsed.data),
  };
}

/** A deck's options page; bound to the deck's slug. */
export async function saveDeckOverrides(
  slug: string,
  _previous: SettingsFormState,
  form: FormData,
): Promise<SettingsFormState> {
  const values = submitted(form, deckFields);
  const parsed = deckOverridesSchema.safeParse(values);
  if (!parsed.success)
    return {
      status: "invalid",
      message: "Nothing was saved: fix the fields marked in red.",
      errors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  const gone = { status: "not-found", message: "This deck no longer exists, so nothing was saved." } as const;
  const deck = await prisma.deck.findUnique({ where: { slug: String(slug) }, select: { id: true } });
  if (!deck || !(await saveDeckOverridesWith(prisma, userId, deck.id, parsed.data))) return gone;
  return {
    status: "saved",
    message: "Saved. The next study session of this deck uses these options.",
    values: asText(parsed.data),
  };
}

/** The browser's time zone, stored the first time the settings are shown (never over a saved one). */
export async function adoptBrowserTimeZone(timeZone: unknown): Promise<boolean> {
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone)) return false;
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  return adoptTimeZoneWith(prisma, userId, timeZone);
}
