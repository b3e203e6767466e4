"use client";

import { useEffect, useRef } from "react";
import type { GradeValue } from "@/app/lib/scheduler";

export interface StudyKeyHandlers {
  reveal: () => boolean;
  grade: (rating: GradeValue) => boolean;
  undo: () => boolean;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Space/Enter reveal, 1-4 grade, Ctrl+Z or u undo. Listens on the window so the keys work wherever
 * focus is, except while typing; Space/Enter on a focused button keep their native meaning.
 */
export function useStudyKeys(handlers: StudyKeyHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.altKey || event.metaKey || isTyping(event.target))
        return;
      const onControl =
        event.target instanceof HTMLElement && event.target.closest("button, a, summary") !== null;
      let handled = false;
      if (event.ctrlKey) {
        if (event.key === "z" || event.key === "Z") handled = latest.current.undo();
      } else if (event.key === " " || event.key === "Enter") {
        if (!onControl) handled = latest.current.reveal();
      } else if (event.key >= "1" && event.key <= "4") {
        handled = latest.current.grade(Number(event.key) as GradeValue);
      } else if (event.key === "u") {
        handled = latest.current.undo();
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
