// Names of the rows in the tracker's `timers` table; one alarm fires the earliest. What each one
// does is the handler table in timers.ts; a row's payload (JSON) goes to its handler.
export const Timer = {
  /**
   * Watches the current stage: while a consumer holds it, the lease (no heartbeat → re-drive);
   * while it waits in the queue, how long (past a minute the user is told it waits for a worker).
   */
  watch: "watch",
  /** Coalesced progress edit. */
  flush: "flush",
  /** "This will outlive Discord's 15-minute window" notice. */
  startNotice: "start_notice",
  /** The next token-expiry warning; payload `{ index }`, the index in TOKEN_WARNING_OFFSETS. */
  warning: "warning",
  /** The token reaches Discord's lifetime: counted as a closed session if the work still runs. */
  tokenExpiry: "token_expiry",
  /** Move progress to a message the bot owns before the token dies. */
  handoff: "handoff",
  /** The workflow's deadline: it ends as timed out with what it has. */
  deadline: "deadline",
  /** Shortly before the deadline: extend it if the workflow is still progressing (up to the cap). */
  deadlineCheck: "deadline_check",
  /** The next warning before the workflow's deadline; payload `{ index }` in its offsets. */
  deadlineWarning: "deadline_warning",
  /** A stage message whose send failed; payload `{ message, delaySeconds }`. */
  dispatch: "dispatch",
  /** Write the result to R2 and D1. */
  persist: "persist",
  /** /notify: a DM that the result is ready. */
  notify: "notify",
  /** The guild's callback URL. */
  callback: "callback",
  /** Walk the delivery ladder. */
  deliver: "deliver",
} as const;

export type TimerName = (typeof Timer)[keyof typeof Timer];

/** Timers that only make sense while the workflow runs; cancelled when it ends. */
export const RUNNING_ONLY_TIMERS: readonly TimerName[] = [
  Timer.watch,
  Timer.flush,
  Timer.startNotice,
  Timer.warning,
  Timer.handoff,
  Timer.tokenExpiry,
  Timer.deadline,
  Timer.deadlineCheck,
  Timer.deadlineWarning,
  Timer.dispatch,
];
