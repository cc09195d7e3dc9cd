import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { gateView } from "../../src/gate/gate-client.ts";
import { emulator, type FaultSpec, freshId, type RecordedRequest } from "../helpers/emulator.ts";
import { finalMessages } from "../helpers/sent-messages.ts";
import {
  type StartedWorkflow,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

// The closing channel's workflows finish first; the others are still at work when the gate
// closes, so their handoffs and results have to wait for it.
const quick = defineTestWorkflow("gate_closer_flow", [{ delayMs: 50 }]);
const slow = defineTestWorkflow("gated_flow", [{ delayMs: 1500, progressSteps: 5 }]);

/** BOT_GATE_BAN_PAUSE_MS and BOT_GATE_BAD_TOKEN_PAUSE_MS in vitest.config.ts. */
const PAUSE_MS = 1200;
/** A call the gate let out just before the closing answer may still be on its way. */
const IN_FLIGHT_MS = 200;

const CLOSURES: [string, Omit<FaultSpec, "match">, number][] = [
  ["a global 429", { kind: "rate_limit", global: true, retryAfterSeconds: 1.5 }, 1500],
  ["a Cloudflare ban", { kind: "cloudflare_ban" }, PAUSE_MS],
  ["Cloudflare's error 1015", { kind: "cloudflare_1015" }, PAUSE_MS],
  ["a 401 on the bot token", { kind: "bad_bot_token" }, PAUSE_MS],
];

/** My bot-token and channel-webhook calls (the ones the gate must hold), by channel. */
function gatedCalls(
  requests: RecordedRequest[],
  channels: string[],
): (RecordedRequest & { channel: string })[] {
  const webhookChannel = new Map<string, string>();
  const channelOf = (r: RecordedRequest): string | undefined =>
    channels.find((c) => r.path.startsWith(`/channels/${c}/`)) ??
    webhookChannel.get(r.path.split("/")[2] ?? "");
  const mine: (RecordedRequest & { channel: string })[] = [];
  for (const r of requests) {
    const channel = channelOf(r);
    if (!channel) continue;
    mine.push({ ...r, channel });
    const id = (r.response as { id?: string } | null)?.id;
    if (id && r.path.endsWith("/webhooks")) webhookChannel.set(id, channel);
  }
  return mine;
}

describe("the bot gate", () => {
  it.each(CLOSURES)(
    "%s stops every tracker's bot-token calls until it reopens; then every result is delivered once",
    async (_name, fault, closedMs) => {
      const channels = [freshId(), freshId(), freshId()];
      const firstSeq = (await emulator.stats()).requests;
      const closing = channels[0] as string;
      await emulator.injectFault({ match: `/channels/${closing}/webhooks`, ...fault, times: 1 });
      // Tokens that are dead from the start (the local queue may run a first stage only after
      // the batch before it): every result has to go out through the channels, behind the gate.
      const started: StartedWorkflow[] = await Promise.all(
        [...channels, ...channels].map((channelId) =>
          startViaDiscord(channelId === closing ? quick : slow, { channelId, ttlMs: 0 }),
        ),
      );
      expect(new Set(started.map((s) => s.workflowId)).size).toBe(started.length);
      const done = await Promise.all(
        started.map((s) =>
          waitForWorkflow(s.workflowId, (w) => w.deliveryState === "delivered", 30_000),
        ),
      );
      expect(done.map((w) => w.deliveryRoute)).toEqual(started.map(() => "webhook"));

      const mine = gatedCalls(await emulator.requests(undefined, firstSeq), channels);
      const closer = mine.find(
        (r) => r.path === `/channels/${closing}/webhooks` && r.status >= 400,
      );
      expect(closer, "the fault closed the gate").toBeDefined();
      const closedAt = (closer as RecordedRequest).at;
      const heldBack = mine.filter(
        (r) => r.at > closedAt + IN_FLIGHT_MS && r.at < closedAt + closedMs - IN_FLIGHT_MS,
      );
      expect(heldBack.map((r) => `${r.method} ${r.path} at +${r.at - closedAt}`)).toEqual([]);
      // Calls went on after the gate reopened, for every channel.
      for (const channelId of channels) {
        expect(
          mine.some((r) => r.channel === channelId && r.at >= closedAt + closedMs - IN_FLIGHT_MS),
        ).toBe(true);
      }
      // One final message per workflow, none twice.
      for (const channelId of channels) {
        const finals = finalMessages(await emulator.messages({ channelId }));
        expect(finals).toHaveLength(2);
      }
      expect((await gateView(env)).open).toBe(true);
    },
  );
});
