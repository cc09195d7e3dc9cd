import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { EditQueue } from "../../src/channel/edit-queue.ts";
import { channelOutbox } from "../../src/channel/outbox-client.ts";
import type { ProgressEdit } from "../../src/channel/outbox-types.ts";
import { PriorityLock } from "../../src/channel/priority-lock.ts";
import { freshId } from "../helpers/emulator.ts";

const edit = (workflowId: string, content: string): ProgressEdit => ({
  workflowId,
  target: { route: "channel", messageId: `m-${workflowId}` },
  body: { content },
});

function withQueue<T>(work: (queue: EditQueue) => T): Promise<T> {
  return runInDurableObject(channelOutbox(env, freshId()), (_outbox, state) =>
    work(new EditQueue(state.storage.sql)),
  );
}

describe("the channel's progress edits", () => {
  it("coalesce per workflow: the latest state wins and keeps its place in line", () =>
    withQueue((queue) => {
      queue.put(edit("a", "a1"), 1);
      queue.put(edit("b", "b1"), 2);
      queue.put(edit("a", "a2"), 3);
      expect(queue.size()).toBe(2);
      const first = queue.next();
      expect(first?.edit.body.content).toBe("a2");
      queue.done("a", first?.version ?? 0, 4);
      expect(queue.next()?.edit.body.content).toBe("b1");
    }));

  it("are fair: a workflow whose state changed while it was sent goes to the back", () =>
    withQueue((queue) => {
      queue.put(edit("a", "a1"), 1);
      queue.put(edit("b", "b1"), 2);
      const sending = queue.next();
      queue.put(edit("a", "a2"), 3); // arrives while a1 is on its way
      queue.done("a", sending?.version ?? 0, 4);
      expect(queue.next()?.edit.body.content).toBe("b1");
      expect(queue.isCurrent("a", (sending?.version ?? 0) + 1)).toBe(true);
    }));

  it("stop once the workflow's result goes out: no progress paints over a result", () =>
    withQueue((queue) => {
      queue.put(edit("a", "a1"), 1);
      const waiting = queue.next();
      queue.finish("a", 2);
      expect(queue.isCurrent("a", waiting?.version ?? 0)).toBe(false);
      queue.put(edit("a", "late"), 3);
      expect(queue.size()).toBe(0);
    }));
});

describe("the channel's send lock", () => {
  it("serves results before progress edits, each in arrival order", async () => {
    const lock = new PriorityLock();
    const order: string[] = [];
    let release: (() => void) | null = null;
    const first = lock.run("progress", () => new Promise<void>((r) => (release = r)));
    await vi.waitFor(() => expect(release).not.toBeNull()); // the first call holds the lock
    const queued = [
      lock.run("progress", async () => order.push("p1")),
      lock.run("result", async () => order.push("r1")),
      lock.run("progress", async () => order.push("p2")),
      lock.run("result", async () => order.push("r2")),
    ];
    expect(lock.resultWaiting).toBe(true);
    (release as unknown as () => void)();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(["r1", "r2", "p1", "p2"]);
  });
});
