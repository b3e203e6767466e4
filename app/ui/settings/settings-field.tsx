/**
 * One labelled field of a settings form: a hint under the label and the field's own errors in a polite
 * live region, tied to the input with aria-describedby (next-learn's create-form pattern).
 */
export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950 aria-invalid:border-red-600 dark:aria-invalid:border-red-400";

export function SettingsField({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: React.ReactNode;
  errors?: string[];
  /** The input, given `id={name}` and `aria-describedby={`${name}-hint ${name}-error`}`. */
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={name} className="mb-1 block font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      <div id={`${name}-error`} aria-live="polite" aria-atomic="true">
        {errors?.map((error) => (
          <p key={error} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Props that tie an input to its field's hint and errors. */
export function fieldProps(name: string, errors: string[] | undefined, hasHint = true) {
  return {
    id: name,
    name,
    "aria-describedby": `${hasHint ? `${name}-hint ` : ""}${name}-error`,
    "aria-invalid": errors && errors.length > 0 ? true : undefined,
    className: inputClass,
  };
}

/** The form's outcome, announced politely; a refusal in red. */
export function FormOutcome({ status, message }: { status: string; message?: string }) {
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {message ? (
        <p
          className={
            status === "saved" ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-300"
          }
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}

export const submitClass =
  "rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-60";
