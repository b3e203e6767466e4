"use client";

import { useState, type ComponentProps } from "react";
import { useRemoteImagesPreference } from "./remote-images-preference";

/**
 * The website an image would be fetched from, or null when it is the app's own (a path such as
 * `/media/deck/cat.png`, or a relative one) and can load freely.
 */
export function remoteImageHost(src: string): string | null {
  if (src.startsWith("//")) return src.slice(2).split("/")[0] || null;
  try {
    const url = new URL(src);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * A card image. The app's own images load as usual; one from another website shows a button naming
 * the site until the learner clicks it, unless they chose on /settings to always show them.
 */
export function RemoteImage({ src, alt, ...props }: ComponentProps<"img">) {
  const preference = useRemoteImagesPreference();
  const [clicked, setClicked] = useState(false);
  const host = typeof src === "string" ? remoteImageHost(src) : null;
  if (!host || clicked || preference === "show") {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- card images are arbitrary URLs
      <img
        {...props}
        src={src}
        alt={alt ?? ""}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
      />
    );
  }
  return (
    <button
      type="button"
      onClick={() => setClicked(true)}
      data-remote-image={src}
      className="inline-flex max-w-full items-center gap-2 rounded-md border border-dashed border-stone-400 bg-stone-100 px-3 py-2 text-left align-middle text-sm text-stone-700 hover:bg-stone-200 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-300 dark:hover:bg-stone-700"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 fill-current opacity-70">
        <path d="M3 4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V4Zm2 0v8.6l2.3-2.3a1 1 0 0 1 1.4 0L11 12.6l1.3-1.3a1 1 0 0 1 1.4 0L15 12.6V4H5Zm7.5 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z" />
      </svg>
      <span className="min-w-0 break-words">
        Load image{alt ? ` “${alt}”` : ""}{" "}
        <span className="text-stone-500 dark:text-stone-400">from {host}</span>
      </span>
    </button>
  );
}
