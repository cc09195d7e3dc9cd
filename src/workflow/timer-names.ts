// Names of the rows in the tracker's `timers` table; one alarm fires the earliest.
export const Timer = {
  /** Watchdog of the current stage: lease expiry while running, dispatch deadline while queued. */
  lease: "lease",
  /** Coalesced progress edit. */
  flush: "flush",
  /** "This will outlive Discord's 15-minute window" notice. */
  startNotice: "start_notice",
  /** `warning:<i>`: the i-th token-expiry warning. */
  warningPrefix: "warning:",
  /** The token reaches Discord's lifetime: counted as a closed session if the work still runs. */
  tokenExpiry: "token_expiry",
  /** Move progress to a message the bot owns before the token dies. */
  handoff: "handoff",
  /** The workflow's deadline: it ends as timed out with what it has. */
  deadline: "deadline",
  /** Shortly before the deadline: extend it if the workflow is still progressing (up to the cap). */
  deadlineCheck: "deadline_check",
  /** `deadline_warning:<i>`: the i-th warning before the workflow's deadline. */
  deadlineWarningPrefix: "deadline_warning:",
  /** Write the result to R2 and D1. */
  persist: "persist",
  /** /notify: a DM that the result is ready. */
  notify: "notify",
  /** The guild's callback URL. */
  callback: "callback",
  /** Walk the delivery ladder. */
  deliver: "deliver",
} as const;

export function warningTimer(index: number): string {
  return `${Timer.warningPrefix}${index}`;
}

export function deadlineWarningTimer(index: number): string {
  return `${Timer.deadlineWarningPrefix}${index}`;
}
