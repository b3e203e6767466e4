"use client";

import { Fragment, useActionState, useState } from "react";
import type { RetentionEstimates } from "@/app/lib/data/retention-estimate";
import { saveDeckOverrides, type SettingsFormState } from "@/app/lib/actions/save-study-settings";
import { limits } from "@/app/lib/settings/limits";
import type { DeckOverrides, LearnerSettings } from "@/app/lib/settings/schema";
import { FormOutcome, SettingsField, fieldProps, submitClass } from "@/app/ui/settings/settings-field";
import { retentionHint } from "@/app/ui/settings/retention-hint";
import { StreamedRetentionEstimate } from "@/app/ui/settings/retention-estimate";

type Field = keyof DeckOverrides;

const fields: {
  name: Field;
  label: string;
  numeric?: { step?: number; min: number; max: number };
  about?: string;
}[] = [
  { name: "newPerDay", label: "New cards per day", numeric: limits.newPerDay },
  {
    name: "maxReviewsPerDay",
    label: "Maximum reviews per day",
    numeric: limits.maxReviewsPerDay,
    about: "Reviews beyond it wait for the next day.",
  },
  {
    name: "desiredRetention",
    label: "Desired retention",
    numeric: { step: 0.01, ...limits.desiredRetention },
  },
  { name: "learningSteps", label: "Learning steps", about: "Like 1m 10m (m, h or d)." },
  { name: "relearningSteps", label: "Relearning steps", about: "Like 10m." },
];

const shown = (value: string | number) => (value === "" ? "none" : String(value));

/**
 * A deck's own options: each field left blank uses the learner's setting, which its hint names.
 * Under desired retention, the reviews each retention would ask of this deck (streamed in).
 */
export function DeckOptionsForm({
  slug,
  learner,
  overrides,
  retentionEstimates,
}: {
  slug: string;
  learner: LearnerSettings;
  overrides: DeckOverrides;
  retentionEstimates?: Promise<RetentionEstimates | null>;
}) {
  const saved = overrides.desiredRetention ?? learner.desiredRetention;
  const [retention, setRetention] = useState(saved);
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(
    saveDeckOverrides.bind(null, slug),
    { status: "idle" },
  );
  const errors = state.errors ?? {};
  const value = (name: Field) =>
    state.values?.[name] ?? (overrides[name] === null ? "" : String(overrides[name]));
  return (
    <form action={action} className="space-y-4" noValidate>
      {fields.map(({ name, label, numeric, about }) => {
        const inherited = learner[name];
        const hint = (
          <>
            {name === "desiredRetention"
              ? `${retentionHint(overrides.desiredRetention ?? learner.desiredRetention)} `
              : null}
            {about ? `${about} ` : null}
            Blank: your setting, <span className="font-medium">{shown(inherited)}</span>.
          </>
        );
        return (
          <Fragment key={name}>
            <SettingsField name={name} label={label} hint={hint} errors={errors[name]}>
              <input
                type={numeric ? "number" : "text"}
                inputMode={numeric ? (numeric.step ? "decimal" : "numeric") : undefined}
                step={numeric?.step}
                min={numeric?.min}
                max={numeric?.max}
                placeholder={shown(inherited)}
                defaultValue={value(name)}
                onInput={
                  name === "desiredRetention"
                    ? (event) => {
                        const typed =
                          event.currentTarget.value === "" ? saved : Number(event.currentTarget.value);
                        const { min, max } = limits.desiredRetention;
                        if (typed >= min && typed <= max) setRetention(typed);
                      }
                    : undefined
                }
                {...fieldProps(name, errors[name])}
              />
            </SettingsField>
            {name === "desiredRetention" && retentionEstimates && (
              <div>
                <StreamedRetentionEstimate
                  estimates={retentionEstimates}
                  saved={saved}
                  selected={retention}
                />
              </div>
            )}
          </Fragment>
        );
      })}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? "Saving…" : "Save deck options"}
        </button>
        <FormOutcome status={state.status} message={state.message} />
      </div>
    </form>
  );
}
