"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { createScheduler, gradeNames, gradeValues, type GradeValue } from "@/app/lib/scheduler";
import { flagCurrent, setAsideCurrent, type SetAsideAction } from "@/app/lib/study/marks";
import { describeOutbox, newId } from "@/app/lib/study/outbox";
import { countQueue, defaultLearnAheadMs, pickNext } from "@/app/lib/study/queue";
import {
  applyServerState,
  currentCard,
  gradeCurrent,
  historyOpId,
  refresh,
  startSession,
  studyableCards,
  summarise,
  undoLast,
  type SaveOperation,
  type SessionState,
} from "@/app/lib/study/session";
import { formatInterval } from "@/app/lib/study/format";
import type { StudyQueueData } from "@/app/lib/study/types";
import {
  gradePractice,
  practiceLabels,
  startPractice,
  summarisePractice,
  undoPractice,
  upcomingPractice,
} from "@/app/lib/study/practice";
import { PracticeSummary } from "./practice-summary";
import type { RenderedFaces } from "./render-faces";
import { CardActions } from "./card-actions";
import { CardFace } from "./card-face";
import { GradeBar } from "./grade-bar";
import { SessionSummary } from "./session-summary";
import { useOutbox, type SaveResult } from "./use-outbox";
import { useDeckUpdates } from "@/app/ui/live/use-deck-updates";
import { mergeLiveCards } from "@/app/lib/live/merge-live-cards";
import { dropCardChangedElsewhere } from "@/app/lib/live/card-changed-elsewhere";
import { useStudyKeys } from "./use-study-keys";
import { QuizPanel } from "./modes/quiz-panel";

const opNoun = (op: SaveOperation) => (op.type === "mark" ? op.action : op.type);
/** Time looking at a card beyond this is not counted (the learner walked away). */
const maxCardMs = 5 * 60_000;

/**
 * The study screen. The whole queue arrived with the page; grading computes the next card and the
 * interval labels here, so the next card shows in the same frame as the key press, and the save goes
 * to the server afterwards through the outbox. The session state is the optimistic state itself and
 * is never rolled back by a slow or failed save (that is why this is not useOptimistic).
 */
export function StudySession({
  queue,
  faces,
  saveMode = "schedule",
}: {
  queue: StudyQueueData;
  /** Server-rendered card sides by card id (see render-faces.tsx). */
  faces: Record<string, RenderedFaces>;
  /** "practice" runs the cards without scheduling or saving anything (app/lib/study/practice.ts). */
  saveMode?: "schedule" | "practice";
}) {
  const router = useRouter();
  // The deck's own settings, as the server grades with them: the intervals shown are the ones saved.
  const scheduler = useMemo(
    () => createScheduler({ enableFuzz: true, ...queue.scheduling }),
    [queue.scheduling],
  );
  const practice = saveMode === "practice";
  const [session, setSession] = useState<SessionState>(() =>
    practice
      ? startPractice(queue.cards)
      : startSession(queue.cards, queue.newRemaining, new Date(queue.loadedAt), {
          dayEnd: new Date(queue.dayEnd),
          burySiblings: queue.burySiblings,
          leechThreshold: queue.leechThreshold,
        }),
  );
  const sessionRef = useRef(session);
  const [revealed, setRevealed] = useState(false);
  const revealedRef = useRef(revealed);
  const [clock, setClock] = useState(() => new Date(queue.loadedAt));
  const [status, setStatus] = useState("");
  const [notice, setNotice] = useState("");
  // A quiz mode's suggested grade for the card it was made on.
  const [suggestion, setSuggestion] = useState<{ step: string; grade: GradeValue } | null>(null);
  const shownAt = useRef(0);
  const refocus = useRef(false);
  const bar = useRef<HTMLDivElement>(null);

  const commit = useCallback((next: SessionState) => {
    sessionRef.current = next;
    setSession(next);
  }, []);

  const onSaved = useCallback(
    (_op: SaveOperation, result: SaveResult) => {
      if (result.status === "marked") return;
      if (result.status === "saved" || result.status === "undone") {
        commit(applyServerState(sessionRef.current, result));
      } else if (result.status === "conflict") {
        commit(applyServerState(sessionRef.current, { ...result, force: true }));
        setNotice("This card was graded elsewhere: that grade is kept and this one was not counted.");
      } else if (result.status === "not-found") {
        setNotice(`A card is no longer in the deck, so its ${opNoun(_op)} was not saved.`);
      } else {
        setNotice(`A ${opNoun(_op)} could not be saved: the server refused it.`);
      }
    },
    [commit],
  );
  const outbox = useOutbox(onSaved);

  // The deck's file was edited while studying: queued cards take the new text (rendered here, as
  // the server-rendered sides are stale) and cards removed from the file leave the queue.
  const [stale, setStale] = useState<ReadonlySet<string>>(() => new Set());
  // A broken save of the file leaves the stored deck as it was: say so, and study on with that.
  const [deckError, setDeckError] = useState<string | null>(null);
  useDeckUpdates(
    queue.scope?.kind === "all" ? null : queue.deck.slug,
    (deck) => {
      const current = sessionRef.current;
      // Study all: only the changed deck's cards are merged; the card on screen stays.
      const keep = current.cards.filter(
        (card) => card.id === current.currentId || (card.deck !== undefined && card.deck.slug !== deck.slug),
      );
      const merged = mergeLiveCards(current.cards, deck.cards, new Set(keep.map((card) => card.id)));
      if (merged.cards === current.cards) return;
      commit({ ...current, cards: merged.cards });
      if (merged.edited.length > 0) setStale((previous) => new Set([...previous, ...merged.edited]));
    },
    setDeckError,
    (change) => {
      // Graded in another tab or on another instance: leave that card to the page that has it.
      const current = sessionRef.current;
      if (practice) return;
      const keep = new Set(current.history.map((entry) => entry.card.id));
      if (current.currentId) keep.add(current.currentId);
      const cards = dropCardChangedElsewhere(current.cards, change, keep);
      if (cards !== current.cards) commit({ ...current, cards: [...cards] });
    },
  );

  // Keys pressed before hydration do nothing; marking the session live lets tests (and tools) wait.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    shownAt.current = Date.now();
    // Arrived by a link that stays on screen (the header's Study all): Space must reach the session.
    if (document.activeElement instanceof HTMLAnchorElement) document.activeElement.blur();
    root.current?.setAttribute("data-study-ready", "");
  }, []);

  // Grades left over from an earlier visit were saved just now: reload the queue to include them.
  useEffect(() => {
    if (outbox.restored > 0 && outbox.pending === 0 && sessionRef.current.history.length === 0)
      router.refresh();
  }, [outbox.restored, outbox.pending, router]);

  // Study all comes a batch at a time: once this one is done and every grade saved, read the next.
  const moreBatches = queue.scope?.kind === "all" && queue.scope.more;
  useEffect(() => {
    if (moreBatches && session.currentId === null && session.history.length > 0 && outbox.pending === 0)
      router.refresh();
  }, [moreBatches, session.currentId, session.history.length, outbox.pending, router]);

  const current = currentCard(session);
  const previews = useMemo(() => {
    if (!current) return null;
    if (practice) return practiceLabels;
    const preview = scheduler.preview(current.schedule, clock, current.id);
    const labels = {} as Record<GradeValue, string>;
    for (const rating of gradeValues) labels[rating] = formatInterval(clock, preview[rating].nextCard.due);
    return labels;
  }, [current, clock, practice, scheduler]);
  // Rendered hidden now so it is already in the DOM when it becomes the current card.
  const upcoming = useMemo(() => {
    if (!current) return null;
    if (practice) return upcomingPractice(session);
    const rest = studyableCards(session).filter((card) => card.id !== current.id);
    return pickNext(rest, {
      now: clock,
      dayEnd: session.dayEnd,
      newRemaining: session.newRemaining,
      previous: current,
    })?.card;
  }, [session, current, clock, practice]);

  const reveal = useCallback(() => {
    if (!currentCard(sessionRef.current) || revealedRef.current) return false;
    revealedRef.current = true;
    setRevealed(true);
    setStatus("Answer shown. Grade with 1 to 4.");
    return true;
  }, []);

  const grade = useCallback(
    (rating: GradeValue) => {
      if (!revealedRef.current) return false;
      const now = new Date();
      const input = {
        rating,
        now,
        gradeId: newId(),
        durationMs: Math.min(maxCardMs, Math.max(0, now.getTime() - shownAt.current)),
        scheduler,
      };
      const result = practice
        ? gradePractice(sessionRef.current, input)
        : gradeCurrent(sessionRef.current, input);
      if (!result) return false;
      commit(result.state);
      revealedRef.current = false;
      setRevealed(false);
      setClock(now);
      shownAt.current = now.getTime();
      if (result.operation) outbox.enqueue(result.operation);
      setStatus(`${gradeNames[rating]}. ${result.state.currentId ? "Next card." : "Session complete."}`);
      return true;
    },
    [commit, outbox, practice, scheduler],
  );

  const undo = useCallback(() => {
    const last = sessionRef.current.history.at(-1);
    if (!last) return false;
    const saved = !outbox.isUnsent(historyOpId(last));
    const result = practice
      ? undoPractice(sessionRef.current)
      : undoLast(sessionRef.current, newId(), { saved });
    if (!result) return false;
    commit(result.state);
    revealedRef.current = false;
    // A grade still waiting in the outbox is taken out of it rather than undone on the server.
    if (result.operation) outbox.enqueueUndo(result.operation);
    setRevealed(false);
    setClock(new Date());
    shownAt.current = Date.now();
    setStatus(`Undid ${last.type === "grade" ? gradeNames[last.rating] : last.action}. Back to that card.`);
    return true;
  }, [commit, outbox, practice]);

  useStudyKeys({ reveal, grade, undo });

  // Bury / suspend: the card leaves the session at once; the mark is saved through the outbox.
  const setAside = useCallback(
    (action: SetAsideAction) => {
      const now = new Date();
      const result = setAsideCurrent(sessionRef.current, { action, now, markId: newId() });
      if (!result) return;
      commit(result.state);
      revealedRef.current = false;
      setRevealed(false);
      setClock(now);
      shownAt.current = now.getTime();
      outbox.enqueue(result.operation);
      setStatus(
        `${action === "bury" ? "Buried until tomorrow" : "Suspended"}. ${result.state.currentId ? "Next card." : "Session complete."}`,
      );
    },
    [commit, outbox],
  );
  const flag = useCallback(
    (value: number) => {
      const result = flagCurrent(sessionRef.current, { flag: value, markId: newId() });
      if (!result) return;
      commit(result.state);
      outbox.enqueue(result.operation);
    },
    [commit, outbox],
  );

  // After a button press the button is replaced: move focus to the new primary button.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    bar.current?.querySelector<HTMLButtonElement>("[data-primary]")?.focus();
  }, [revealed, session.currentId]);

  // Nothing left but learning cards due later: pick again when the first comes within learn-ahead.
  useEffect(() => {
    if (session.currentId !== null) return;
    const learning = studyableCards(session)
      .filter((card) => card.schedule && (card.schedule.state === 1 || card.schedule.state === 3))
      .map((card) => new Date(card.schedule!.due).getTime());
    if (learning.length === 0) return;
    const wait = Math.min(...learning) - defaultLearnAheadMs - Date.now();
    const timer = setTimeout(
      () => {
        const now = new Date();
        setClock(now);
        shownAt.current = now.getTime();
        commit(refresh(sessionRef.current, now));
      },
      Math.min(2 ** 31 - 1, Math.max(0, wait) + 50),
    );
    return () => clearTimeout(timer);
  }, [session, commit]);

  const counts = countQueue(studyableCards(session), {
    now: clock,
    dayEnd: session.dayEnd,
    newRemaining: session.newRemaining,
    showing: current,
  });
  const summary =
    current || practice ? null : summarise(session, queue.laterDue ? new Date(queue.laterDue) : null);
  const saving = describeOutbox(outbox.pending, outbox.failing, outbox.marksPending ? "change" : "grade");
  // One card shown once: a quiz panel and its suggestion belong to it (undo shows it anew).
  const step = `${current?.id}:${session.history.length}`;

  return (
    <div ref={root}>
      <div className="relative mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold tracking-tight">{queue.deck.title}</h1>
        {practice ? (
          <p className="text-sm tabular-nums" aria-label="Cards left">
            {session.cards.length} to go
          </p>
        ) : (
          <p className="flex gap-3 text-sm tabular-nums" aria-label="Cards left">
            <span className="text-sky-700 dark:text-sky-300">{counts.new} new</span>
            <span className="text-orange-700 dark:text-orange-300">{counts.learning} learning</span>
            <span className="text-emerald-700 dark:text-emerald-300">{counts.review} due</span>
          </p>
        )}
        {saving && !outbox.failing ? (
          // Out of the flow, under the counts: a routine save never moves the card.
          <p
            data-testid="save-status"
            className="show-if-slow absolute top-full right-0 text-xs text-stone-600 dark:text-stone-400"
          >
            {saving}
          </p>
        ) : null}
      </div>
      <p role="status" className="sr-only">
        {status}
      </p>
      {saving && outbox.failing ? (
        <p data-testid="save-status" className="mb-3 text-sm text-amber-800 dark:text-amber-300">
          {saving}
        </p>
      ) : null}
      {notice ? (
        <p
          role="alert"
          className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {notice}
        </p>
      ) : null}
      {deckError ? (
        <div
          role="alert"
          className="mb-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p>
            The deck&apos;s file could not be imported, so these are the cards from its last good version:
          </p>
          <p className="mt-1 font-mono whitespace-pre-wrap">{deckError}</p>
        </div>
      ) : null}
      {current ? (
        <>
          <CardActions
            card={current}
            slug={queue.deck.slug}
            sourcePath={queue.deck.sourcePath ?? null}
            canUndo={session.history.length > 0}
            // Focus moves on to the next card's primary button: a Space meant for "Show answer"
            // must not press Bury again.
            onUndo={() => {
              refocus.current = true;
              undo();
            }}
            onSetAside={(action) => {
              refocus.current = true;
              setAside(action);
            }}
            onFlag={flag}
          />
          <section aria-label="Study card">
            <CardFace
              key={current.id}
              card={current}
              rendered={stale.has(current.id) ? undefined : faces[current.id]}
              revealed={revealed}
              visible
            />
            {upcoming ? (
              <CardFace
                key={upcoming.id}
                card={upcoming}
                rendered={stale.has(upcoming.id) ? undefined : faces[upcoming.id]}
                revealed={false}
                visible={false}
              />
            ) : null}
          </section>
          <div ref={bar}>
            <QuizPanel
              key={step}
              card={current}
              edited={stale.has(current.id)}
              revealed={revealed}
              onAnswer={(grade) => {
                setSuggestion({ step, grade });
                refocus.current = true;
                reveal();
              }}
            />
            <GradeBar
              revealed={revealed}
              suggested={revealed && suggestion?.step === step ? suggestion.grade : null}
              intervals={previews}
              onReveal={() => {
                refocus.current = true;
                reveal();
              }}
              onGrade={(rating) => {
                refocus.current = true;
                grade(rating);
              }}
            />
          </div>
          <p className="mt-4 hidden text-center text-sm text-stone-600 sm:block dark:text-stone-400">
            <kbd className="font-mono">Space</kbd> show · <kbd className="font-mono">1</kbd>–
            <kbd className="font-mono">4</kbd> grade · <kbd className="font-mono">u</kbd> undo ·{" "}
            <kbd className="font-mono">-</kbd> bury · <kbd className="font-mono">@</kbd> suspend
          </p>
        </>
      ) : practice ? (
        <PracticeSummary deckTitle={queue.deck.title} {...summarisePractice(session)} />
      ) : summary ? (
        <SessionSummary
          deckTitle={queue.deck.title}
          deckSlug={queue.deck.slug}
          reviews={summary.reviews}
          cards={summary.cards}
          timeMs={summary.timeMs}
          gradeCounts={summary.gradeCounts}
          nextDue={summary.nextDue}
          now={clock}
          canUndo={session.history.length > 0}
          onUndo={undo}
          practiceHref={queue.scope ? undefined : `/decks/${queue.deck.slug}/practice`}
        />
      ) : null}
    </div>
  );
}
