import { describe, expect, it } from "vitest";
import { backoffMs, decodeOutbox, describeOutbox, newId, queueUndo } from "@/app/lib/study/outbox";
import type { GradeOperation, UndoOperation } from "@/app/lib/study/session";

const grade = (id: string, cardId = "c1"): GradeOperation => ({
  type: "grade",
  id,
  cardId,
  rating: 3,
  expectedVersion: 0,
  durationMs: 100,
});
const undo = (gradeId: string): UndoOperation => ({
  type: "undo",
  id: `u-${gradeId}`,
  gradeId,
  cardId: "c1",
  expectedVersion: 1,
});

describe("outbox", () => {
  it("takes an unsent grade out instead of queueing its undo", () => {
    expect(queueUndo([grade("g1"), grade("g2")], undo("g2"), null)).toEqual([grade("g1")]);
  });

  it("queues the undo when the grade is being sent or already sent", () => {
    expect(queueUndo([grade("g1")], undo("g1"), "g1")).toEqual([grade("g1"), undo("g1")]);
    expect(queueUndo([], undo("g1"), null)).toEqual([undo("g1")]);
  });

  it("backs off 1s, 2s, 4s ... up to 30s", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it("reads back what it stored and ignores anything malformed", () => {
    const ops = [grade("g1"), undo("g1")];
    expect(decodeOutbox(JSON.stringify(ops))).toEqual(ops);
    expect(decodeOutbox("not json")).toEqual([]);
    expect(decodeOutbox(JSON.stringify([{ type: "other" }, 3, grade("g2")]))).toEqual([grade("g2")]);
    expect(decodeOutbox(null)).toEqual([]);
  });

  it("tells the learner what is waiting", () => {
    expect(describeOutbox(0, true)).toBe("");
    expect(describeOutbox(1, true)).toBe("1 grade waiting to save — retrying");
    expect(describeOutbox(3, false)).toBe("Saving 3 grades…");
  });

  it("makes v4 UUIDs", () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
