/** Text colours of Anki's flags 0-4 (none, red, orange, green, blue), light and dark. */
export const flagTones = [
  "",
  "text-red-700 dark:text-red-300",
  "text-orange-700 dark:text-orange-300",
  "text-emerald-700 dark:text-emerald-300",
  "text-sky-700 dark:text-sky-300",
] as const;
