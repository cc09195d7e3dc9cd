import type { EngineConfig } from "../config.ts";
import { discordText, rawText } from "../discord/render/localized-text.ts";
import { truncate } from "../discord/render/text.ts";
import { trusted } from "../i18n/translator.ts";
import { findWorkflow } from "../workflow/registry.ts";
import { requestFlush, type TimerOutcome } from "./progress.ts";
import { labelText } from "./progress-label.ts";
import { localesOf } from "./row-locales.ts";
import type { TrackerRuntime } from "./runtime.ts";
import { isActive, type WorkflowRow } from "./schema.ts";
import type { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";

// Bounded, activity-based deadlines. A workflow starts with its kind's soft deadline. Shortly
// before it (DEADLINE_CHECK_LEAD_SECONDS), a workflow that showed progress within the last
// DEADLINE_PROGRESS_WINDOW_SECONDS is given DEADLINE_EXTENSION_SECONDS more, never past the hard
// cap (WORKFLOW_MAX_SECONDS, or the kind's own lower cap); otherwise the deadline stands, the
// warnings come, and at the deadline the partial result is delivered.

/** The latest a workflow may ever end: its kind's cap, never beyond the engine's. */
export function deadlineCapAt(row: WorkflowRow, config: EngineConfig): number {
  const definition = findWorkflow(row.name);
  let capMs = config.workflowMaxMs;
  try {
    const kindCap = definition?.deadlineCapMs?.(JSON.parse(row.options_json));
    if (kindCap !== undefined && kindCap > 0) capMs = Math.min(capMs, kindCap);
  } catch {
    // Options this definition no longer understands: the engine's cap still holds.
  }
  return row.received_at + capMs;
}

/** The first deadline: the kind's soft deadline, within the cap. */
export function initialDeadlineAt(
  receivedAt: number,
  softDeadlineMs: number | null | undefined,
  capMs: number | null | undefined,
  config: EngineConfig,
): number {
  const cap = Math.min(capMs && capMs > 0 ? capMs : config.workflowMaxMs, config.workflowMaxMs);
  return receivedAt + Math.min(softDeadlineMs && softDeadlineMs > 0 ? softDeadlineMs : cap, cap);
}

/** (Re)arms the deadline, the extension check before it and the warnings. */
export function scheduleDeadlineTimers(
  store: TrackerStore,
  deadlineAt: number,
  config: EngineConfig,
  now: number,
): void {
  store.schedule(Timer.deadline, deadlineAt);
  store.schedule(Timer.deadlineCheck, Math.max(now, deadlineAt - config.deadlineCheckLeadMs));
  scheduleDeadlineWarning(store, deadlineAt, config, now, 0);
}

/** Arms the first deadline warning from `index` on that is still ahead: one row. */
function scheduleDeadlineWarning(
  store: TrackerStore,
  deadlineAt: number,
  config: EngineConfig,
  now: number,
  from: number,
): void {
  const offsets = config.deadlineWarningOffsetsMs;
  for (let index = from; index < offsets.length; index++) {
    const due = deadlineAt - (offsets[index] ?? 0);
    if (due > now) {
      store.schedule(Timer.deadlineWarning, due, { payload: { index }, attempts: 0 });
      return;
    }
  }
  store.cancelTimer(Timer.deadlineWarning);
}

/** The progress label a notice quotes is cut to this (a notice is one short line). */
const MAX_LABEL_CHARS = 80;

function discordTime(at: number, style: "t" | "T" | "R"): string {
  return `<t:${Math.floor(at / 1000)}:${style}>`;
}

/** The deadline_check timer: extend by one bounded step when the workflow is still progressing. */
export function considerExtension(rt: TrackerRuntime): TimerOutcome {
  const row = rt.store.workflow();
  if (!row || !isActive(row.status)) return { done: true };
  const now = rt.now();
  const cap = deadlineCapAt(row, rt.config);
  const idleMs = row.last_progress_at === null ? null : now - row.last_progress_at;
  if (row.deadline_at >= cap) {
    rt.event("deadline_not_extended", { reason: "cap", deadlineAt: row.deadline_at });
    return { done: true };
  }
  if (idleMs === null || idleMs > rt.config.deadlineProgressWindowMs) {
    rt.event("deadline_not_extended", { reason: "no_progress", idleMs });
    return { done: true };
  }
  const to = Math.min(cap, row.deadline_at + rt.config.deadlineExtensionMs);
  const extensions = row.deadline_extensions + 1;
  rt.store.updateWorkflow({ deadline_at: to, deadline_extensions: extensions });
  scheduleDeadlineTimers(rt.store, to, rt.config, now);
  // A notice is stored as text: rendered now, in the public language it is shown in.
  const locale = localesOf(row).public;
  const label = truncate(labelText(row.progress_label, rawText(locale)), MAX_LABEL_CHARS);
  const granted = {
    stepMs: to - row.deadline_at,
    until: trusted(discordTime(to, "t")),
    final: to >= cap,
  };
  const t = discordText(locale);
  rt.notices.set(
    "deadline",
    label
      ? t("engine.deadlineExtendedLabelled", { ...granted, label })
      : t("engine.deadlineExtended", granted),
    now,
  );
  rt.event("deadline_extended", {
    from: row.deadline_at,
    to,
    stepMs: to - row.deadline_at,
    extensions,
    capAt: cap,
  });
  requestFlush(rt);
  return { done: true };
}

/** The deadline_warning timer: say on the progress message when the partial result comes. */
export function sendDeadlineWarning(rt: TrackerRuntime, index: number): TimerOutcome {
  const row = rt.store.workflow();
  if (!row || !isActive(row.status)) return { done: true };
  const now = rt.now();
  // The next warning (if any) is armed in the same row; a late alarm that finds it already due
  // shows only the later one.
  scheduleDeadlineWarning(rt.store, row.deadline_at, rt.config, now, index + 1);
  const next = rt.store.timer(Timer.deadlineWarning);
  if (next && next.due_at <= now) return { done: true };
  const msLeft = Math.max(0, row.deadline_at - now);
  rt.notices.set(
    "deadline",
    discordText(localesOf(row).public)("engine.deadlineWarning", {
      leftMs: msLeft,
      at: trusted(discordTime(row.deadline_at, "T")),
    }),
    now,
  );
  rt.event("deadline_warning", { index, msLeft });
  requestFlush(rt);
  return { done: true };
}
