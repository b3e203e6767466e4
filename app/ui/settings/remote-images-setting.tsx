"use client";

import {
  setRemoteImagesPreference,
  useStoredRemoteImagesPreference,
} from "@/app/ui/markdown/remote-images-preference";

/** The switch for card images from other websites: ask each time (default) or always show. */
export function RemoteImagesSetting() {
  // Disabled until hydrated: the server cannot read this browser's choice, and a click before
  // hydration would flip a box that React then sets back.
  const preference = useStoredRemoteImagesPreference();
  return (
    <label className="flex items-start gap-3">
      <input
        type="checkbox"
        checked={preference === "show"}
        disabled={preference === null}
        onChange={(event) => setRemoteImagesPreference(event.target.checked ? "show" : "ask")}
        className="mt-1 size-4 shrink-0 accent-indigo-700 disabled:opacity-50"
      />
      <span>
        <span className="font-medium">Show images from other websites without asking</span>
        <span className="block text-sm text-stone-600 dark:text-stone-400">
          Applies to this browser. When off, each such image waits for a click.
        </span>
      </span>
    </label>
  );
}
