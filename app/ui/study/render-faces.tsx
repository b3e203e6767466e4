import type { ReactNode } from "react";
import { markCloze } from "@/app/lib/study/cloze";
import type { StudyCard } from "@/app/lib/study/types";
import { ServerCardMarkdown } from "@/app/ui/markdown/server-card-markdown";

export interface RenderedFaces {
  front: ReactNode;
  back: ReactNode;
}

/**
 * Each card's sides rendered to React elements on the server. The study page passes them to the
 * client session, so the browser never downloads or runs the markdown pipeline for them (about
 * 100 KiB of gzipped JavaScript) and showing a card costs no parsing at all.
 */
export function renderFaces(cards: StudyCard[]): Record<string, RenderedFaces> {
  const faces: Record<string, RenderedFaces> = {};
  for (const card of cards) {
    const sides = card.kind === "cloze" ? markCloze(card.front, card.back) : card;
    faces[card.id] = {
      front: <ServerCardMarkdown source={sides.front} highlight="blank" />,
      back: <ServerCardMarkdown source={sides.back} highlight="answer" />,
    };
  }
  return faces;
}
