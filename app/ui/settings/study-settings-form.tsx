"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import {
  adoptBrowserTimeZone,
  saveLearnerSettings,
  type SettingsFormState,
} from "@/app/lib/actions/save-study-settings";
import { limits } from "@/app/lib/settings/limits";
import type { LearnerSettings } from "@/app/lib/settings/schema";
import { FormOutcome, SettingsField, fieldProps, submitClass } from "./settings-field";
import { retentionHint } from "./retention-hint";
import { StreamedRetentionEstimate } from "./retention-estimate";
import type { RetentionEstimates } from "@/app/lib/data/retention-estimate";

const hours = Array.from({ length: 24 }, (_, hour) => hour);
export const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/**
 * The Study section of /settings: limits, retention, steps, the study day, burying and leeches. The
 * first time it is shown (nothing saved yet) the browser's time zone is filled in and stored. Under
 * desired retention, the reviews each retention would ask for, streamed in when `retentionEstimates`
 * settles.
 */
export function StudySettingsForm({
  settings,
  stored,
  retentionEstimates,
}: {
  settings: LearnerSettings;
  stored: boolean;
  retentionEstimates?: Promise<RetentionEstimates | null>;
}) {
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(saveLearnerSettings, {
    status: "idle",
  });
  const zone = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (stored) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone) return;
    if (zone.current) zone.current.value = browserZone;
    void adoptBrowserTimeZone(browserZone).catch(() => undefined);
  }, [stored]);

  const value = (name: keyof LearnerSettings) => state.values?.[name] ?? String(settings[name]);
  const errors = state.errors ?? {};
  const [retention, setRetention] = useState(settings.desiredRetention);
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <SettingsField name="newPerDay" label="New cards per day" hint="Per deck." errors={errors.newPerDay}>
          <input
            type="number"
            inputMode="numeric"
            min={limits.newPerDay.min}
            max={limits.newPerDay.max}
            defaultValue={value("newPerDay")}
            {...fieldProps("newPerDay", errors.newPerDay)}
          />
        </SettingsField>
        <SettingsField
          name="maxReviewsPerDay"
          label="Maximum reviews per day"
          hint="Per deck. Reviews beyond it wait for the next day."
          errors={errors.maxReviewsPerDay}
        >
          <input
            type="number"
            inputMode="numeric"
            min={limits.maxReviewsPerDay.min}
            max={limits.maxReviewsPerDay.max}
            defaultValue={value("maxReviewsPerDay")}
            {...fieldProps("maxReviewsPerDay", errors.maxReviewsPerDay)}
          />
        </SettingsField>
      </div>
      <SettingsField
        name="desiredRetention"
        label="Desired retention"
        hint={retentionHint(retention)}
        errors={errors.desiredRetention}
      >
        <input
          type="number"
          inputMode="decimal"
          step={0.01}
          min={limits.desiredRetention.min}
          max={limits.desiredRetention.max}
          defaultValue={value("desiredRetention")}
          onInput={(event) => {
            const typed = Number(event.currentTarget.value);
            if (typed >= limits.desiredRetention.min && typed <= limits.desiredRetention.max)
              setRetention(typed);
          }}
          {...fieldProps("desiredRetention", errors.desiredRetention)}
        />
      </SettingsField>
      {retentionEstimates && (
        <StreamedRetentionEstimate
          estimates={retentionEstimates}
          saved={settings.desiredRetention}
          selected={retention}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SettingsField
          name="learningSteps"
          label="Learning steps"
          hint="Waits before a new card moves to days, like 1m 10m (m, h or d). Blank: none."
          errors={errors.learningSteps}
        >
          <input
            type="text"
            defaultValue={value("learningSteps")}
            {...fieldProps("learningSteps", errors.learningSteps)}
          />
        </SettingsField>
        <SettingsField
          name="relearningSteps"
          label="Relearning steps"
          hint="Waits after a forgotten review, like 10m. Blank: none."
          errors={errors.relearningSteps}
        >
          <input
            type="text"
            defaultValue={value("relearningSteps")}
            {...fieldProps("relearningSteps", errors.relearningSteps)}
          />
        </SettingsField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SettingsField
          name="dayStartHour"
          label="The study day starts at"
          hint="Until this hour, what you study counts for the day before."
          errors={errors.dayStartHour}
        >
          <select defaultValue={value("dayStartHour")} {...fieldProps("dayStartHour", errors.dayStartHour)}>
            {hours.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
        </SettingsField>
        <SettingsField name="timeZone" label="Time zone" hint="Like Europe/Paris." errors={errors.timeZone}>
          <input
            ref={zone}
            type="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={value("timeZone")}
            {...fieldProps("timeZone", errors.timeZone)}
          />
        </SettingsField>
      </div>
      <SettingsField
        name="leechThreshold"
        label="Leech threshold"
        hint="A card forgotten this many times is tagged a leech and suspended."
        errors={errors.leechThreshold}
      >
        <input
          type="number"
          inputMode="numeric"
          min={limits.leechThreshold.min}
          max={limits.leechThreshold.max}
          defaultValue={value("leechThreshold")}
          {...fieldProps("leechThreshold", errors.leechThreshold)}
        />
      </SettingsField>
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="burySiblings"
          defaultChecked={state.values ? state.values.burySiblings === "on" : settings.burySiblings}
          className="mt-1 size-4 shrink-0 accent-indigo-700"
        />
        <span>
          <span className="font-medium">Bury related cards until the next day</span>
          <span className="block text-sm text-stone-600 dark:text-stone-400">
            Once you study one side of a reversed card or one gap of a cloze, its other cards wait for
            tomorrow.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? "Saving…" : "Save study settings"}
        </button>
        <FormOutcome status={state.status} message={state.message} />
      </div>
    </form>
  );
}
