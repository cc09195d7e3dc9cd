import type { EngineConfig } from "../../config.ts";
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
import { retryDelayFor, type TrackerRuntime } from "./runtime.ts";
import type { TimerRow } from "./schema.ts";
import type { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";

export interface TimerDeps {
  store: TrackerStore;
  config: EngineConfig;
  runtime: () => TrackerRuntime;
  lifecycle: () => StageLifecycle;
}

/** The table of timers: what each named row of the `timers` table does when it fires. */
async function runHandler(timer: TimerRow, deps: TimerDeps): Promise<TimerOutcome> {
  const rt = deps.runtime();
  const { attempts } = timer;
  if (timer.name.startsWith(Timer.warningPrefix)) {
    return sendWarning(rt, Number(timer.name.slice(Timer.warningPrefix.length)), attempts);
  }
  switch (timer.name) {
    case Timer.lease:
      await deps.lifecycle().watchdog();
      return { done: true };
    case Timer.deadline:
      deps.lifecycle().timeOut();
      return { done: true };
    case Timer.flush:
      return flushProgress(rt, attempts);
    case Timer.startNotice:
      return sendStartNotice(rt, attempts);
    case Timer.handoff: {
      const outcome = await performHandoff(rt, attempts);
      requestFlush(rt);
      return outcome;
    }
    case Timer.persist:
      return persistStep(rt, await deps.lifecycle().loadOutputs());
    case Timer.deliver:
      return deliverStep(rt, attempts);
    case Timer.notify:
      return notifyStep(rt, attempts);
    case Timer.callback:
      return callbackStep(rt, attempts);
    default:
      rt.log.warn("timer.unknown", { timer: timer.name });
      return { done: true };
  }
}

/**
 * Runs one due timer and records its outcome: done → the row goes (unless the handler
 * re-scheduled it), not done → it comes back at `retryAt` with one more attempt. A handler that
 * throws is retried with backoff rather than lost.
 */
export async function runDueTimer(timer: TimerRow, deps: TimerDeps): Promise<void> {
  const { store, config } = deps;
  let outcome: TimerOutcome;
  try {
    outcome = await runHandler(timer, deps);
  } catch (error) {
    deps.runtime().log.error("timer.failed", { timer: timer.name, attempt: timer.attempts, error });
    const delay = retryDelayFor(error, timer.attempts, config) ?? config.backoffCapMs;
    outcome = { done: false, retryAt: Date.now() + Math.max(delay, config.backoffBaseMs) };
  }
  const current = store.timer(timer.name);
  if (outcome.done) {
    // A handler may have re-scheduled its own timer (e.g. the watchdog): keep that.
    if (current && current.due_at === timer.due_at) store.cancelTimer(timer.name);
  } else {
    store.schedule(timer.name, outcome.retryAt, { attempts: timer.attempts + 1 });
  }
}
