// c) Discord requests per workflow and 429s received: 200 concurrent workflows in 5 channels
// (40 per channel) against the emulator with Discord-like per-route rate limits; half finish
// at once, half outlive the token and hand their progress off to the channel.
import type { RecordedRequest } from "../scripts/emulator-client.ts";
import { type Actor, type BenchTarget, benchCall, benchId, waitForQuiet } from "./bench-client.ts";
import { sendCommands, slashCommand } from "./send-interactions.ts";
import { percentile } from "./stats.ts";

/** Discord's published shapes: 5 per 5 s per channel, 5 per 2 s per webhook, 50/s otherwise. */
export const DISCORD_LIKE_LIMITS = [
  { match: "/channels/", limit: 5, windowMs: 5000 },
  { match: "/webhooks/", limit: 5, windowMs: 2000 },
  { match: "/users/", limit: 50, windowMs: 1000 },
] as const;

export interface DiscordGroupRow {
  group: string;
  workflows: number;
  delivered: boolean;
  requests: number;
  requestsPerWorkflow: number;
  tooManyRequests: number;
  byRoute: Record<string, number>;
}

function routeKind(request: RecordedRequest, applicationId: string): string {
  const { path, method } = request;
  if (path.startsWith(`/webhooks/${applicationId}/`))
    return path.includes("/messages/") ? `interaction ${method} message` : "interaction follow-up";
  if (path.startsWith("/webhooks/"))
    return path.includes("/messages/") ? "channel webhook edit" : "channel webhook post";
  if (path.endsWith("/webhooks")) return "webhook create";
  if (path.startsWith("/users/@me/channels")) return "DM open";
  if (path.startsWith("/channels/")) return `channel message ${method}`;
  return `${method} other`;
}

/** Which group a request belongs to, from its token, channel, webhook or DM channel. */
function groupOf(request: RecordedRequest, owners: Map<string, string>): string | null {
  for (const part of request.path.split("/")) {
    const owner = owners.get(part);
    if (owner) return owner;
  }
  const recipient = (request.body as { recipient_id?: string } | null)?.recipient_id;
  return recipient ? (owners.get(recipient) ?? null) : null;
}

function learnOwners(requests: RecordedRequest[], owners: Map<string, string>): void {
  for (const request of requests) {
    const id = (request.response as { id?: string } | null)?.id;
    const owner = groupOf(request, owners);
    // Webhooks and DM channels created for a group's channel or user belong to that group.
    if (
      id &&
      owner &&
      (request.path.endsWith("/webhooks") || request.path === "/users/@me/channels")
    )
      owners.set(id, owner);
  }
}

/** The run as a whole: what the etiquette of issue 12 promises. */
export interface DiscordRunSummary {
  channels: number;
  tooManyRequests: number;
  /** Webhooks created per channel (2xx answers to POST /channels/{id}/webhooks). */
  webhooksPerChannel: number[];
  delivered: boolean;
  /** From a workflow's end (completed_at) to its final message (delivered_at), ms. */
  endToFinalMs: { p50: number; p99: number; n: number };
  /** The longest wait between two progress edits of one workflow, ms: worst and median workflow. */
  longestEditGapMs: { max: number; p50: number; workflows: number };
}

export interface DiscordRun {
  groups: DiscordGroupRow[];
  summary: DiscordRunSummary;
}

const CANCEL_ID = /cancel:([0-9a-f-]{36})/;

/** Progress edits per workflow (they carry its Cancel button), in the order Discord took them. */
function longestEditGaps(requests: RecordedRequest[]): number[] {
  const times = new Map<string, number[]>();
  for (const r of requests) {
    if (r.status >= 300 || (r.method !== "PATCH" && r.method !== "POST")) continue;
    const id = CANCEL_ID.exec(JSON.stringify(r.body ?? null))?.[1];
    if (!id) continue;
    times.set(id, [...(times.get(id) ?? []), r.at]);
  }
  return [...times.values()]
    .filter((t) => t.length > 1)
    .map((t) => Math.max(...t.slice(1).map((at, i) => at - (t[i] as number))));
}

function webhooksPerChannel(requests: RecordedRequest[], channels: string[]): number[] {
  return channels.map(
    (channel) =>
      requests.filter(
        (r) => r.method === "POST" && r.path === `/channels/${channel}/webhooks` && r.status < 300,
      ).length,
  );
}

export async function measureDiscordRequests(
  target: BenchTarget,
  plan: { workflows: number; channels: number; tokenTtlSeconds: number },
): Promise<DiscordRun> {
  for (const rule of DISCORD_LIKE_LIMITS) await target.emulator.setRateLimit({ ...rule });
  const groups = [
    { name: "finish within the token", holdSeconds: 0 },
    { name: "outlive the token", holdSeconds: plan.tokenTtlSeconds + 5 },
  ];
  const owners = new Map<string, string>();
  const commands: { actor: Actor; interaction: Record<string, unknown> }[] = [];
  // Both groups share the channels, as a busy server would; only the workflows that outlive
  // their token post in the channel, so channel and webhook requests count as theirs.
  const channels = Array.from({ length: plan.channels }, () => ({
    channelId: benchId(),
    guildId: benchId(),
  }));
  for (const channel of channels) owners.set(channel.channelId, groups[1]?.name ?? "?");
  groups.forEach((group, g) => {
    for (let i = 0; i < plan.workflows / groups.length; i++) {
      const actor = {
        userId: benchId(),
        ...(channels[i % channels.length] as { channelId: string; guildId: string }),
      };
      owners.set(actor.userId, group.name);
      const options = [{ name: "hold_seconds", type: 4, value: groups[g]?.holdSeconds ?? 0 }];
      commands.push({ actor, interaction: slashCommand("bench_noop_4", options, actor) });
    }
  });
  const since = Date.now();
  const firstSeq = (await target.emulator.stats()).requests;
  const sent = await sendCommands(target, commands, 20);
  for (const s of sent) owners.set(s.token, owners.get(s.actor.userId) ?? "?");
  const delivered = await waitForQuiet(
    target,
    since - 1000,
    (plan.tokenTtlSeconds + 90) * 1000,
    sent.filter((s) => s.responseType === 5).length,
  );
  const requests = await target.emulator.requests(undefined, firstSeq);
  const latencies = await benchCall<number[]>(target, `delivery-latency?since=${since - 1000}`);
  const gaps = longestEditGaps(requests);
  for (const rule of DISCORD_LIKE_LIMITS) await target.emulator.clearRateLimit(rule.match);
  learnOwners(requests, owners);
  const rows = groups.map((group) => {
    const mine = requests.filter((r) => groupOf(r, owners) === group.name);
    const byRoute: Record<string, number> = {};
    for (const r of mine) {
      const kind = routeKind(r, target.applicationId);
      byRoute[kind] = (byRoute[kind] ?? 0) + 1;
    }
    const workflows = plan.workflows / groups.length;
    return {
      group: group.name,
      workflows,
      delivered,
      requests: mine.length,
      requestsPerWorkflow: mine.length / workflows,
      tooManyRequests: mine.filter((r) => r.status === 429).length,
      byRoute,
    };
  });
  const mine = requests.filter((r) => groupOf(r, owners) !== null);
  const summary: DiscordRunSummary = {
    channels: plan.channels,
    tooManyRequests: mine.filter((r) => r.status === 429).length,
    webhooksPerChannel: webhooksPerChannel(
      requests,
      channels.map((c) => c.channelId),
    ),
    delivered,
    endToFinalMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      n: latencies.length,
    },
    longestEditGapMs: {
      max: gaps.length ? Math.max(...gaps) : 0,
      p50: percentile(gaps, 50),
      workflows: gaps.length,
    },
  };
  return { groups: rows, summary };
}
