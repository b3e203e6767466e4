"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { markCard } from "@/app/lib/actions/card-marks";
import { undoGrade } from "@/app/lib/actions/grade-card";
import type { SaveGradeResult } from "@/app/lib/actions/save-grade";
import { postGrade } from "@/app/lib/study/post-grade";
import { backoffMs, decodeOutbox, outboxStorageKey, queueUndo } from "@/app/lib/study/outbox";
import type { MarkOperation } from "@/app/lib/study/marks";
import type { SaveOperation, UndoOperation } from "@/app/lib/study/session";

export type SaveResult =
  SaveGradeResult | Awaited<ReturnType<typeof undoGrade>> | Awaited<ReturnType<typeof markCard>>;

function send(op: SaveOperation): Promise<SaveResult> {
  if (op.type === "grade") {
    const { id, cardId, rating, expectedVersion, durationMs } = op;
    return postGrade({ gradeId: id, cardId, rating, expectedVersion, durationMs });
  }
  if (op.type === "mark") return markCard({ cardId: op.cardId, action: op.action, flag: op.flag });
  return undoGrade({ gradeId: op.gradeId, cardId: op.cardId, expectedVersion: op.expectedVersion });
}

function persist(ops: SaveOperation[]) {
  try {
    if (ops.length === 0) localStorage.removeItem(outboxStorageKey);
    else localStorage.setItem(outboxStorageKey, JSON.stringify(ops));
  } catch {
    // Storage full or blocked: the queue still lives in memory for this page.
  }
}

/**
 * Sends saves one at a time, in order, in the background. A failed send (offline, server down)
 * stays queued, in localStorage too, and is retried with backoff, on `online` and on page load.
 */
export function useOutbox(onResult: (op: SaveOperation, result: SaveResult) => void) {
  const queue = useRef<SaveOperation[]>([]);
  const inFlight = useRef<string | null>(null);
  const failures = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const handler = useRef(onResult);
  const [pending, setPending] = useState(0);
  const [marksPending, setMarksPending] = useState(false);
  const [failing, setFailing] = useState(false);
  const [restored, setRestored] = useState(0);

  useEffect(() => {
    handler.current = onResult;
  });

  const update = useCallback(() => {
    persist(queue.current);
    setPending(queue.current.length);
    setMarksPending(queue.current.some((op) => op.type === "mark"));
  }, []);

  // The retry timer calls drain through a ref: a callback cannot name itself while being declared.
  const retry = useRef<() => Promise<void>>(async () => undefined);
  const drain = useCallback(async () => {
    if (inFlight.current !== null) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (queue.current.length > 0) {
      const op = queue.current[0]!;
      inFlight.current = op.id;
      let result: SaveResult;
      try {
        result = await send(op);
        // The database could not take the save in time: nothing was written, try again later.
        if (result.status === "busy") throw new Error("busy");
      } catch {
        inFlight.current = null;
        failures.current++;
        setFailing(true);
        timer.current = setTimeout(() => void retry.current(), backoffMs(failures.current));
        return;
      }
      inFlight.current = null;
      failures.current = 0;
      setFailing(false);
      queue.current = queue.current.filter((queued) => queued.id !== op.id);
      // After a conflict the card's later saves were made against a state the server never had.
      // Marks do not depend on the card's version, so they stay.
      if (result.status === "conflict")
        queue.current = queue.current.filter(
          (queued) => queued.cardId !== op.cardId || queued.type === "mark",
        );
      update();
      handler.current(op, result);
    }
  }, [update]);

  useEffect(() => {
    retry.current = drain;
  }, [drain]);

  useEffect(() => {
    // By id: in development React runs this effect twice, and each run reads the same storage.
    const stored = decodeOutbox(localStorage.getItem(outboxStorageKey));
    const known = new Set(queue.current.map((op) => op.id));
    queue.current = [...stored.filter((op) => !known.has(op.id)), ...queue.current];
    setRestored(queue.current.length);
    update();
    void drain();
    const online = () => void drain();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [drain, update]);

  const enqueue = useCallback(
    (op: SaveOperation) => {
      queue.current = [...queue.current, op];
      update();
      // After the frame that shows the next card: the key press never waits on the network.
      setTimeout(() => void drain(), 0);
    },
    [drain, update],
  );

  /** Whether the grade has reached (or is reaching) the server, as opposed to waiting in the queue. */
  const isUnsent = useCallback(
    (gradeId: string) => inFlight.current !== gradeId && queue.current.some((op) => op.id === gradeId),
    [],
  );

  const enqueueUndo = useCallback(
    (op: UndoOperation | MarkOperation) => {
      queue.current = queueUndo(queue.current, op, inFlight.current);
      update();
      setTimeout(() => void drain(), 0);
    },
    [drain, update],
  );

  return { pending, marksPending, failing, restored, enqueue, enqueueUndo, isUnsent };
}
