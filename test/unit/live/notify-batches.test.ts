import { describe, expect, it } from "vitest";
import { createNotifyBatches } from "@/app/lib/live/notify-batches";

/** A send that waits until the test lets it finish, recording each batch. */
function controlledSend() {
  const batches: string[][] = [];
  const finish: (() => void)[] = [];
  let fail: Error | null = null;
  const send = (payloads: string[]) => {
    batches.push(payloads);
    return new Promise<void>((resolve, reject) => finish.push(() => (fail ? reject(fail) : resolve())));
  };
  return {
    batches,
    send,
    finishNext: () => finish.shift()?.(),
    failWith: (error: Error | null) => (fail = error),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createNotifyBatches", () => {
  it("sends the first event at once and those published meanwhile together, in order", async () => {
    const control = controlledSend();
    const { publish } = createNotifyBatches(control.send);
    const first = publish("a");
    expect(control.batches).toEqual([["a"]]);
    const rest = ["b", "c", "d"].map((payload) => publish(payload));
    control.finishNext();
    await first;
    await tick();
    expect(control.batches).toEqual([["a"], ["b", "c", "d"]]);
    control.finishNext();
    await Promise.all(rest);
    const later = publish("e");
    expect(control.batches).toEqual([["a"], ["b", "c", "d"], ["e"]]);
    control.finishNext();
    await later;
  });

  it("rejects every event of a batch that failed, and keeps sending the next ones", async () => {
    const control = controlledSend();
    const { publish } = createNotifyBatches(control.send);
    const first = publish("a");
    control.failWith(new Error("connection lost"));
    control.finishNext();
    await expect(first).rejects.toThrow("connection lost");
    control.failWith(null);
    const next = publish("b");
    expect(control.batches).toEqual([["a"], ["b"]]);
    control.finishNext();
    await next;
  });
});
