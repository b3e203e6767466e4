"use client";

import dynamic from "next/dynamic";

/**
 * The markdown renderer for a card the server did not pre-render (one that arrived after the page
 * loaded). Loaded on demand so it stays out of the study page's first load.
 */
export const LazyCardMarkdown = dynamic(
  () => import("@/app/ui/markdown/card-markdown").then((module) => module.CardMarkdown),
  { loading: () => <p className="text-stone-500">Loading card…</p> },
);
