// Which Workers plan the bot needs, and why. /autointel's heaviest stage, extract (HTMLRewriter
// over the page, Intl.Segmenter over its words), measured in workerd with
// `node bench/stage-cpu/run.ts` (2026-12-07, a shared 2-core machine): 2.5 ms for an empty page
// (the call itself), 73 ms for 100 KB, 235 ms for 500 KB, 866 ms for 2 MiB (PAGE_MAX_BYTES).
// The Workers Free plan stops an invocation after 10 ms of CPU; Workers Paid allows 30 s by
// default (up to 5 minutes with [limits] cpu_ms).
export const HEAVIEST_STAGE_CPU_MS = { stage: "extract", pageBytes: 2_097_152, cpuMs: 866 };

export const FREE_PLAN_CPU_MS = 10;
export const PAID_PLAN_DEFAULT_CPU_MS = 30_000;
/** Cloudflare's rate plan id of the Workers Paid subscription (GET /accounts/:id/subscriptions). */
export const WORKERS_PAID_RATE_PLAN = "workers_paid";

export function plansLink(accountId: string): string {
  return `https://dash.cloudflare.com/${accountId}/workers/plans`;
}

export const PLAN_REASON = `its heaviest stage (${HEAVIEST_STAGE_CPU_MS.stage}) took ${HEAVIEST_STAGE_CPU_MS.cpuMs} ms of CPU on a 2 MiB page, 73 ms on 100 KB; the Workers Free plan stops an invocation after ${FREE_PLAN_CPU_MS} ms`;
