"use client";

import { useSyncExternalStore } from "react";

/**
 * Whether card images from other websites load by themselves ("show") or wait for a click ("ask",
 * the default). Loading a remote image tells its host that someone is studying the deck, and when,
 * so a shared deck could track its learners; the choice is the learner's. Kept in this browser's
 * localStorage: it is about this browser's requests, and needs no account.
 */
export type RemoteImagesPreference = "ask" | "show";

const storageKey = "notecards:remote-images";
// `storage` events only reach other tabs; this one tells the tab that made the change.
const changeEvent = "notecards:remote-images-changed";

function read(): RemoteImagesPreference {
  try {
    return window.localStorage.getItem(storageKey) === "show" ? "show" : "ask";
  } catch {
    return "ask";
  }
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKey || event.key === null) onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(changeEvent, onChange);
  };
}

/** The learner's choice, or null while rendering on the server and until the page has hydrated. */
export function useStoredRemoteImagesPreference(): RemoteImagesPreference | null {
  return useSyncExternalStore<RemoteImagesPreference | null>(subscribe, read, () => null);
}

/** The learner's choice; "ask" while rendering on the server and until the page has hydrated. */
export function useRemoteImagesPreference(): RemoteImagesPreference {
  return useStoredRemoteImagesPreference() ?? "ask";
}

export function setRemoteImagesPreference(preference: RemoteImagesPreference): void {
  try {
    if (preference === "show") window.localStorage.setItem(storageKey, "show");
    else window.localStorage.removeItem(storageKey);
  } finally {
    window.dispatchEvent(new Event(changeEvent));
  }
}
