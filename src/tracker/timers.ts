import { backoffOf, type EngineConfig } from "../config.ts";
import { retryDelayOrCapMs } from "../discord/retries.ts";
import { considerExtension, sendDeadlineWarning } from "./deadline-extension.ts";
import type { StageLifecycle } from "./lifecycle.ts";
import { callbackStep, notifyStep } from "./notify-steps.ts";
import {
  flushProgress,
  performHandoff,
  requestFlush,
  sendStartNotice,
  sendWarning,
  type TimerOutcome,
} from "./progress.ts";
import { deliverStep, persistStep } from "./result-steps.ts";
import type { StageMessage } from "./rpc.ts";
import type { TrackerRuntime } from "./runtime.ts";
import type { TimerRow } from "./schema.ts";
import { tokenExpired } from "./session-closed.ts";
import type { TrackerStore } from "./store.ts";
import { Timer, type TimerName } from "./timer-names.ts";
import type { StageWatchdog } from "./watchdog.ts";

export interface TimerDeps {
  store: TrackerStore;
  config: EngineConfig;
  runtime: () => TrackerRuntime;
  lifecycle: () => StageLifecycle;
  watchdog: () => StageWatchdog;
}

type TimerHandler = (
  deps: TimerDeps,
  attempts: number,
  payload: Record<string, unknown>,
) => Promise<TimerOutcome>;

const DONE: TimerOutcome = { done: true };

/** The table of timers: what each row of the `timers` table does when it fires. */
const HANDLERS: Record<TimerName, TimerHandler> = {
  [Timer.watch]: async (deps) => {
    await deps.watchdog().watch();
    return DONE;
  },
  [Timer.deadline]: async (deps) => {
    deps.watchdog().timeOut();
    return DONE;
  },
  [Timer.tokenExpiry]: async (deps) => tokenExpired(deps.runtime()),
  [Timer.deadlineCheck]: async (deps) => considerExtension(deps.runtime()),
  [Timer.deadlineWarning]: async (deps, _attempts, payload) =>
    sendDeadlineWarning(deps.runtime(), Number(payload.index ?? 0)),
  [Timer.dispatch]: async (deps, attempts, payload) =>
    deps
      .watchdog()
      .redispatch(payload.message as StageMessage, Number(payload.delaySeconds ?? 0), attempts),
  [Timer.flush]: (deps, attempts) => flushProgress(deps.runtime(), attempts),
  [Timer.startNotice]: (deps, attempts) => sendStartNotice(deps.runtime(), attempts),
  [Timer.warning]: (deps, attempts, payload) =>
    sendWarning(deps.runtime(), Number(payload.index ?? 0), attempts),
  [Timer.handoff]: async (deps, attempts) => {
    const rt = deps.runtime();
    const outcome = await performHandoff(rt, attempts);
    requestFlush(rt);
    return outcome;
  },
  [Timer.persist]: async (deps) =>
    persistStep(deps.runtime(), await deps.lifecycle().loadOutputs()),
  [Timer.deliver]: (deps, attempts) => deliverStep(deps.runtime(), attempts),
  [Timer.notify]: (deps, attempts) => notifyStep(deps.runtime(), attempts),
  [Timer.callback]: (deps, attempts) => callbackStep(deps.runtime(), attempts),
};

/**
 * Runs every due timer, and those that come due while they run (persist → deliver → notify): one
 * alarm, not one per step. Each timer runs at most once per call; a retry waits for its own alarm.
 */
export async function runDueTimers(
  store: TrackerStore,
  now: () => number,
  run: (timer: TimerRow) => Promise<void>,
): Promise<void> {
  const ran = new Set<string>();
  for (;;) {
    const due = store.dueTimers(now()).filter((timer) => !ran.has(timer.name));
    if (due.length === 0) return;
    for (const timer of due) {
      ran.add(timer.name);
      await run(timer);
    }
  }
}

function payloadOf(timer: TimerRow): Record<string, unknown> {
  if (timer.payload === null) return {};
  const value: unknown = JSON.parse(timer.payload);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Runs one due timer and records its outcome: done → the row goes (unless the handler
 * re-scheduled it), not done → it comes back at `retryAt` with one more attempt. A handler that
 * throws is retried with backoff rather than lost.
 */
export async function runDueTimer(timer: TimerRow, deps: TimerDeps): Promise<void> {
  const { store, config } = deps;
  const handler = HANDLERS[timer.name as TimerName] as TimerHandler | undefined;
  if (!handler) {
    // A row written by an older release (e.g. `warning:1`): nothing runs it any more.
    deps.runtime().log.warn("timer.unknown", { timer: timer.name });
    store.cancelTimer(timer.name);
    return;
  }
  let outcome: TimerOutcome;
  try {
    outcome = await handler(deps, timer.attempts, payloadOf(timer));
  } catch (error) {
    deps.runtime().log.error("timer.failed", { timer: timer.name, attempt: timer.attempts, error });
    const delay = retryDelayOrCapMs(error, timer.attempts, backoffOf(config));
    outcome = { done: false, retryAt: Date.now() + delay };
  }
  const current = store.timer(timer.name);
  if (outcome.done) {
    // A handler may have re-scheduled its own timer (e.g. the watchdog): keep that.
    if (current && current.due_at === timer.due_at) store.cancelTimer(timer.name);
  } else {
    store.schedule(timer.name, outcome.retryAt, { attempts: timer.attempts + 1 });
  }
}
