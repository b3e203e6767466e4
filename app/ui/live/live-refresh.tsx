"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const connectDelayMs = 1_000;
// A folder sync can re-import many files in a burst: one refresh for the lot.
const debounceMs = 300;

/**
 * Re-renders the page (router.refresh(): server data only, no reload, scroll and focus kept) when a
 * deck changes in the notes folder (any deck, or only `slug`'s), when the learner grades elsewhere
 * (another tab, or a page on another instance), or when the server may have missed news. Renders nothing.
 */
export function LiveRefresh({ slug }: { slug?: string }) {
  const router = useRouter();
  useEffect(() => {
    let source: EventSource | null = null;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => router.refresh(), debounceMs);
    };
    let opened = false;
    const connect = () => {
      source = new EventSource(slug ? `/api/events?deck=${encodeURIComponent(slug)}` : "/api/events");
      // After a lost connection (a server restart), news may have been missed: refresh once.
      source.addEventListener("open", () => {
        if (opened) refresh();
        opened = true;
      });
      source.addEventListener("deck-changed", refresh);
      source.addEventListener("deck-failed", refresh);
      source.addEventListener("card-changed", refresh);
      source.addEventListener("resync", refresh);
    };
    // As on the study page: the stream starts after the page has loaded, never competing with it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      timer = setTimeout(connect, connectDelayMs);
    };
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
    return () => {
      window.removeEventListener("load", start);
      clearTimeout(timer);
      clearTimeout(pending);
      source?.close();
    };
  }, [router, slug]);
  return null;
}
