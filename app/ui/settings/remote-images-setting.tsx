"use client";

import {
  setRemoteImagesPreference,
  useRemoteImagesPreference,
} from "@/app/ui/markdown/remote-images-preference";

/** The switch for card images from other websites: ask each time (default) or always show. */
export function RemoteImagesSetting() {
  const preference = useRemoteImagesPreference();
  return (
    <label className="flex items-start gap-3">
      <input
        type="checkbox"
        checked={preference === "show"}
        onChange={(event) => setRemoteImagesPreference(event.target.checked ? "show" : "ask")}
        className="mt-1 size-4 shrink-0 accent-indigo-700"
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
