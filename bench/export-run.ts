// x) /export end to end (issue 23): a channel of 100,000 seeded messages exported while the
// emulator allows `requestsPerSecond` history reads, so the bound is 100 × that many messages a
// second; and bench c) run without, then with, the export going on. Unlike the other sections it
// checks: a lost or repeated message, a 429 or an undelivered export fails the run.
import { type BenchTarget, benchId } from "./bench-client.ts";
import { type DiscordRun, measureDiscordRequests } from "./discord-requests.ts";
import { checkExportFile, downloadLinks, type FileCheck, historyTruth } from "./export-file.ts";
import { samplePeakRss } from "./process-memory.ts";

export type ExportFormat = "json" | "html";

export interface ExportPlan {
  messages: number;
  requestsPerSecond: number;
  format: ExportFormat;
  /** Bench c)'s workflows, run without and with the export. */
  workflows: number;
  tokenTtlSeconds: number;
  timeoutMs: number;
  /** wrangler dev's pid: the memory of its process tree is sampled. */
  rootPid: number;
}

export interface ExportFigures {
  messages: number;
  format: ExportFormat;
  requestsPerSecond: number;
  /** 100 messages per allowed request. */
  boundPerSecond: number;
  delivered: boolean;
  /** From the command to the result message carrying the file. */
  wallMs: number;
  messagesPerSecond: number;
  /** Reading alone: the first GET of the channel's history to the last. */
  reading: { requests: number; tooMany: number; ms: number; messagesPerSecond: number };
  /** Every HTTP 429 the emulator answered while the export ran, on any route. */
  tooManyRequests: number;
  file: FileCheck | null;
  baselineRssBytes: number;
  peakRssBytes: number;
}

export interface ExportReport {
  export: ExportFigures;
  quiet: DiscordRun;
  during: DiscordRun;
  /** What failed (empty when every check passed). */
  failures: string[];
}

/** VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY and the rest: what the invoker has. */
const MEMBER_PERMISSIONS = "2251799813685247";
/** Small, so the file comes as a download link the bench can read (the emulator keeps hashes). */
const ATTACHMENT_SIZE_LIMIT = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exportCommand(channelId: string, format: ExportFormat) {
  const actor = { userId: benchId(), guildId: benchId(), channelId: benchId() };
  const channel = { id: channelId, type: 0, name: "export-bench", permissions: MEMBER_PERMISSIONS };
  return {
    type: 2,
    guild_id: actor.guildId,
    channel_id: actor.channelId,
    channel: { id: actor.channelId, type: 0, permissions: MEMBER_PERMISSIONS },
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    member: { user: { id: actor.userId, username: "bench" }, permissions: MEMBER_PERMISSIONS },
    data: {
      id: benchId(),
      name: "export",
      type: 1,
      options: [
        { name: "channel", type: 7, value: channelId },
        { name: "format", type: 3, value: format },
      ],
      resolved: { channels: { [channelId]: channel } },
    },
  };
}

/** Polls for the result's download link until an export of the channel is found or time is up. */
async function awaitFile(
  target: BenchTarget,
  channelId: string,
  truth: string[],
  since: number,
  timeoutMs: number,
): Promise<{ file: FileCheck | null; at: number }> {
  const tried = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const fresh = (await downloadLinks(target, since)).filter((url) => !tried.has(url));
    for (const url of fresh) tried.add(url);
    const at = Date.now();
    const file = await checkExportFile(fresh, channelId, truth);
    if (file) return { file, at };
    await sleep(1000);
  }
  return { file: null, at: Date.now() };
}

export async function measureExport(target: BenchTarget, plan: ExportPlan): Promise<ExportReport> {
  const channelId = benchId();
  await target.emulator.seedHistory(channelId, {
    count: plan.messages,
    seed: 23,
    guildId: benchId(),
  });
  const truth = await historyTruth(target, channelId);
  const rule = { match: channelId, method: "GET", limit: plan.requestsPerSecond, windowMs: 1000 };
  await target.emulator.setRateLimit(rule);
  const c = { workflows: plan.workflows, channels: 5, tokenTtlSeconds: plan.tokenTtlSeconds };
  const quiet = await measureDiscordRequests(target, c);

  const baseline = samplePeakRss(plan.rootPid, 1000).stop();
  const memory = samplePeakRss(plan.rootPid, 250);
  const firstSeq = (await target.emulator.stats()).requests;
  const started = Date.now();
  const sent = await target.emulator.sendInteraction({
    url: `${target.botOrigin}/interactions`,
    interaction: exportCommand(channelId, plan.format),
  });
  const during = await measureDiscordRequests(target, c);
  const found = await awaitFile(target, channelId, truth, started, plan.timeoutMs);
  const peak = memory.stop();
  await target.emulator.clearRateLimit(channelId);

  const logged = await target.emulator.requests(undefined, firstSeq);
  const history = `/channels/${channelId}/messages`;
  const reads = logged.filter((r) => r.method === "GET" && r.path === history);
  const readMs = reads.length > 1 ? (reads.at(-1)?.at ?? 0) - (reads[0]?.at ?? 0) : 0;
  const wallMs = found.at - started;
  const figures: ExportFigures = {
    messages: plan.messages,
    format: plan.format,
    requestsPerSecond: plan.requestsPerSecond,
    boundPerSecond: 100 * plan.requestsPerSecond,
    delivered: found.file !== null,
    wallMs,
    messagesPerSecond: found.file ? (plan.messages * 1000) / wallMs : 0,
    reading: {
      requests: reads.length,
      tooMany: reads.filter((r) => r.status === 429).length,
      ms: readMs,
      messagesPerSecond: readMs > 0 ? (plan.messages * 1000) / readMs : 0,
    },
    tooManyRequests: logged.filter((r) => r.status === 429).length,
    file: found.file,
    baselineRssBytes: baseline,
    peakRssBytes: peak,
  };
  const failures = checks(figures, quiet, during, sent.status);
  return { export: figures, quiet, during, failures };
}

function checks(f: ExportFigures, quiet: DiscordRun, during: DiscordRun, status: number): string[] {
  const failures: string[] = [];
  if (status !== 200) failures.push(`/export was answered with HTTP ${status}`);
  if (!f.file) failures.push("no export file of the channel was delivered in time");
  if (f.file && f.file.lost > 0) failures.push(`${f.file.lost} messages lost`);
  if (f.file && f.file.repeated > 0) failures.push(`${f.file.repeated} messages repeated`);
  if (f.file && !f.file.inOrder) failures.push("messages out of order");
  if (f.tooManyRequests > 0)
    failures.push(
      `${f.tooManyRequests} HTTP 429s while the export ran (${f.reading.tooMany} on its history route)`,
    );
  for (const [name, run] of [
    ["without", quiet],
    ["with", during],
  ] as const) {
    if (run.summary.tooManyRequests > 0)
      failures.push(`c) ${name} the export: ${run.summary.tooManyRequests} HTTP 429s`);
    if (!run.summary.delivered) failures.push(`c) ${name} the export: not all delivered`);
  }
  return failures;
}
