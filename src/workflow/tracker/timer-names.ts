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
  /** Move progress to a message the bot owns before the token dies. */
  handoff: "handoff",
  /** The workflow's maximum runtime: it ends as timed out with what it has. */
  deadline: "deadline",
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
