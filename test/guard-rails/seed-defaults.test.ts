// The seeds' defaults, pinned. The other tests run with a shortened clock (vitest.config.ts);
// here the schedules are computed from the defaults themselves (every setting unset), on a real
// tracker store, at a fixed clock: the token warnings at T−60 s and T−10 s, /autointel's soft
// deadlines of 5, 20 and 60 minutes, the 15-minute extension step and the engine's 6 h cap.
import { describe, expect, it } from "vitest";
import { engineConfig } from "../../src/config.ts";
import {
  considerExtension,
  deadlineCapAt,
  initialDeadlineAt,
  scheduleDeadlineTimers,
  sendDeadlineWarning,
} from "../../src/tracker/deadline-extension.ts";
import { ProgressNotices } from "../../src/tracker/progress-notices.ts";
import type { TrackerRuntime } from "../../src/tracker/runtime.ts";
import type { TrackerStore } from "../../src/tracker/store.ts";
import { Timer } from "../../src/tracker/timer-names.ts";
import {
  scheduleTokenTimers,
  scheduleWarning,
  tokenExpiresAt,
} from "../../src/tracker/token-clock.ts";
import type { JsonValue } from "../../src/workflow/definition.ts";
import { findWorkflow } from "../../src/workflow/registry.ts";
import { inFreshTracker } from "../helpers/fresh-tracker.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Every setting unset: the defaults the README promises. */
const DEFAULTS = engineConfig({} as Env);
/** A fixed clock: the command arrived at this instant. */
const RECEIVED_AT = Date.UTC(2026, 11, 7, 12, 0, 0);

const autointel = findWorkflow("autointel");

function autointelOptions(depth: string): JsonValue {
  const parsed = autointel?.parseOptions({ url: "https://example.com/", depth });
  if (!parsed?.ok) throw new Error(`autointel refused depth ${depth}`);
  return parsed.options;
}

/** A workflow row as the tracker creates it, from the defaults; returns the stored row. */
function insertWorkflow(store: TrackerStore, options: JsonValue, deadlineAt: number) {
  store.insertWorkflow({
    workflow_id: crypto.randomUUID(),
    name: "autointel",
    options_json: JSON.stringify(options),
    input_label: "https://example.com/",
    user_id: "1",
    guild_id: "2",
    channel_id: "3",
    application_id: "4",
    interaction_id: "5",
    interaction_token: "tok",
    received_at: RECEIVED_AT,
    token_expires_at: tokenExpiresAt(RECEIVED_AT, DEFAULTS),
    estimate_ms: 60 * MINUTE,
    deadline_at: deadlineAt,
    status: "running",
    stage_count: 4,
    created_at: RECEIVED_AT,
    waiting_since: RECEIVED_AT,
    stage_names: JSON.stringify(["a", "b", "c", "d"]),
    user_locale: "en-US",
    public_locale: "en-US",
  });
  const row = store.workflow();
  if (!row) throw new Error("no row");
  return row;
}

describe("the token warnings' defaults", () => {
  it("fire 60 s and then 10 s before the token's usable end (15 min less the safety margin)", async () => {
    const due = await inFreshTracker((store) => {
      const row = insertWorkflow(store, autointelOptions("quick"), RECEIVED_AT + HOUR);
      scheduleTokenTimers(store, row, DEFAULTS);
      const first = store.timer(Timer.warning);
      // The first warning's handler arms the next one the same way.
      scheduleWarning(store, row, DEFAULTS, 1);
      const second = store.timer(Timer.warning);
      return { tokenEnd: row.token_expires_at, first, second };
    });
    expect(due.tokenEnd).toBe(RECEIVED_AT + 15 * MINUTE - 30 * SECOND);
    expect(due.first?.due_at).toBe(due.tokenEnd - 60 * SECOND);
    expect(due.first?.payload).toContain('"index":0');
    expect(due.second?.due_at).toBe(due.tokenEnd - 10 * SECOND);
    expect(due.second?.payload).toContain('"index":1');
  });
});

describe("the deadlines' defaults", () => {
  it.each([
    ["quick", 5 * MINUTE],
    ["standard", 20 * MINUTE],
    ["deep", 60 * MINUTE],
  ])("/autointel %s starts with a %d ms soft deadline", (depth, softMs) => {
    const options = autointelOptions(depth);
    const soft = autointel?.softDeadlineMs?.(options) ?? null;
    expect(soft).toBe(softMs);
    expect(
      initialDeadlineAt(RECEIVED_AT, soft, autointel?.deadlineCapMs?.(options), DEFAULTS),
    ).toBe(RECEIVED_AT + softMs);
  });

  it("caps every deadline at 6 h after the command", async () => {
    expect(initialDeadlineAt(RECEIVED_AT, 10 * HOUR, null, DEFAULTS)).toBe(RECEIVED_AT + 6 * HOUR);
    expect(initialDeadlineAt(RECEIVED_AT, null, null, DEFAULTS)).toBe(RECEIVED_AT + 6 * HOUR);
    const cap = await inFreshTracker((store) =>
      deadlineCapAt(insertWorkflow(store, autointelOptions("deep"), RECEIVED_AT + HOUR), DEFAULTS),
    );
    expect(cap).toBe(RECEIVED_AT + 6 * HOUR);
  });

  it("extends a progressing workflow by 15 minutes a step, never past the 6 h cap", async () => {
    const steps = await inFreshTracker((store, sql) => {
      const soft = autointel?.softDeadlineMs?.(autointelOptions("deep")) ?? 0;
      insertWorkflow(store, autointelOptions("deep"), RECEIVED_AT + soft);
      const deadlines: number[] = [];
      // Each check comes 90 s before the deadline, with progress seen a second earlier.
      for (let step = 0; step < 25; step++) {
        const row = store.workflow();
        if (!row) break;
        const now = row.deadline_at - DEFAULTS.deadlineCheckLeadMs;
        store.updateWorkflow({ last_progress_at: now - SECOND });
        const rt = {
          store,
          config: DEFAULTS,
          now: () => now,
          event: () => {},
          notices: new ProgressNotices(sql),
        } as unknown as TrackerRuntime;
        considerExtension(rt);
        deadlines.push((store.workflow()?.deadline_at ?? 0) - RECEIVED_AT);
      }
      return deadlines;
    });
    // 60 min, then +15 min a step: 75, 90, …, 360 (6 h), and there it stays.
    expect(steps.slice(0, 3)).toEqual([75 * MINUTE, 90 * MINUTE, 105 * MINUTE]);
    expect(steps.at(-1)).toBe(6 * HOUR);
    expect(steps.filter((at) => at === 6 * HOUR).length).toBeGreaterThan(1);
    expect(new Set(steps.map((at, i) => at - (steps[i - 1] ?? 60 * MINUTE)))).toEqual(
      new Set([15 * MINUTE, 0]),
    );
  });

  it("warns 60 s and then 10 s before the deadline", async () => {
    const due = await inFreshTracker((store, sql) => {
      const deadline = RECEIVED_AT + 20 * MINUTE;
      insertWorkflow(store, autointelOptions("standard"), deadline);
      scheduleDeadlineTimers(store, deadline, DEFAULTS, RECEIVED_AT);
      const first = store.timer(Timer.deadlineWarning)?.due_at ?? 0;
      // The first warning, run when it comes due, arms the second.
      const rt = {
        store,
        config: DEFAULTS,
        now: () => first,
        event: () => {},
        notices: new ProgressNotices(sql),
      } as unknown as TrackerRuntime;
      sendDeadlineWarning(rt, 0);
      return { deadline, first, second: store.timer(Timer.deadlineWarning)?.due_at };
    });
    expect(due.first).toBe(due.deadline - 60 * SECOND);
    expect(due.second).toBe(due.deadline - 10 * SECOND);
  });
});
