"use client";

import { useState, type FormEvent } from "react";
import { deckMarkdownMaxBytes, markdownPayloadBytes, markdownTooLargeMessage } from "@/app/lib/upload-limits";

/**
 * Stops a save whose markdown is over the limit before it is sent, with the app's own message:
 * a body past the Server Action limit is refused by Next before the action runs, which showed the
 * error page instead. The action applies the same rule (app/lib/upload-limits.ts).
 */
export function useMarkdownLimit(advice: string) {
  const [message, setMessage] = useState("");
  function checkSubmit(event: FormEvent<HTMLFormElement>) {
    const texts = new FormData(event.currentTarget)
      .getAll("markdown")
      .filter((value): value is string => typeof value === "string");
    const bytes = markdownPayloadBytes(texts);
    if (bytes > deckMarkdownMaxBytes) {
      // React does not run a form's action when its submit event was prevented.
      event.preventDefault();
      setMessage(markdownTooLargeMessage(bytes, advice));
    } else setMessage("");
  }
  return { message, checkSubmit };
}
