import { env } from "cloudflare:workers";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, inject, it, vi } from "vitest";
import { setGuildCallback } from "../../src/notifications/settings.ts";
import { newCallbackSecret } from "../../src/notifications/standard-webhooks.ts";
import { sealerFor } from "../../src/secrets/sealer.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import {
  interactionFrom,
  sendInteraction,
  startViaDiscord,
  waitForWorkflow,
} from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("notify_flow", [{ delayMs: 10 }]);
const receiver = inject("callbackReceiverOrigin");
const MANAGE_GUILD = String(1 << 5);

type Reply = { type: number; data: { content: string; flags: number } };
type Received = { path: string; headers: Record<string, string>; body: string; status: number };

function command(
  userId: string,
  guildId: string,
  name: string,
  options: unknown[],
  permissions = "0",
) {
  return interactionFrom(
    { userId, permissions },
    2,
    { id: freshId(), name, type: 1, options },
    { guildId },
  );
}

async function run(
  name: string,
  userId: string,
  guildId: string,
  options: unknown[],
  permissions?: string,
): Promise<Reply> {
  return (await (
    await sendInteraction(command(userId, guildId, name, options, permissions))
  ).json()) as Reply;
}

async function received(key: string): Promise<Received[]> {
  return (await (await fetch(`${receiver}/received?key=${key}`)).json()) as Received[];
}

async function readyDms(userId: string): Promise<number> {
  const opened = (await emulator.requests("/users/@me/channels")).filter((r) =>
    JSON.stringify(r.body).includes(userId),
  );
  const channelId = (opened[0]?.response as { id?: string } | undefined)?.id;
  if (!channelId) return 0;
  return (await emulator.messages({ channelId })).filter((m) => m.content.includes("is ready"))
    .length;
}

/** Verifies a recorded delivery with the Standard Webhooks specification's own library. */
function verifiedBy(secret: string, hit: Received | undefined): unknown {
  return new Webhook(secret).verify(hit?.body ?? "", hit?.headers ?? {});
}

describe("/notify", () => {
  it("DMs the owner once per ready result while on, and stops when off", async () => {
    const userId = freshId();
    expect(
      (await run("notify", userId, freshId(), [{ name: "state", type: 3, value: "on" }])).data
        .content,
    ).toContain("I'll DM you");
    for (const _ of [1, 2]) {
      const started = await startViaDiscord(flow, { userId });
      await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
      await vi.waitFor(async () => {
        const events = await trackerStub(env, started.workflowId).events(0);
        expect(events.some((e) => e.type === "notified")).toBe(true);
      });
    }
    expect(await readyDms(userId)).toBe(2);

    await run("notify", userId, freshId(), [{ name: "state", type: 3, value: "off" }]);
    const quiet = await startViaDiscord(flow, { userId });
    await waitForWorkflow(quiet.workflowId, (s) => s.deliveryState === "delivered");
    const events = await trackerStub(env, quiet.workflowId).events(0);
    expect(events.some((e) => e.type === "notified")).toBe(false);
    expect(await readyDms(userId)).toBe(2);
  });
});

describe("/callback", () => {
  it("only a Manage Server member may set it, and private or metadata addresses are refused", async () => {
    const guildId = freshId();
    const url = [
      {
        type: 1,
        name: "set",
        options: [{ name: "url", type: 3, value: `${receiver}/hook/${guildId}` }],
      },
    ];
    expect((await run("callback", freshId(), guildId, url)).data.content).toContain(
      "Only members with the Manage Server",
    );
    for (const bad of [
      "http://10.0.0.1/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::ffff:192.168.0.1]/",
      "ftp://example.com/",
    ]) {
      const reply = await run(
        "callback",
        freshId(),
        guildId,
        [{ type: 1, name: "set", options: [{ name: "url", type: 3, value: bad }] }],
        MANAGE_GUILD,
      );
      expect(reply.data.content, bad).toContain("I can't send callbacks to that URL");
      expect(reply.data.flags).toBe(64);
    }
  });

  it("POSTs each finished workflow once, signed so the receiver can verify it", async () => {
    const guildId = freshId();
    const set = await run(
      "callback",
      freshId(),
      guildId,
      [
        {
          type: 1,
          name: "set",
          options: [{ name: "url", type: 3, value: `${receiver}/hook/${guildId}` }],
        },
      ],
      MANAGE_GUILD,
    );
    const secret = /\|\|(whsec_[A-Za-z0-9+/=]{44})\|\|/.exec(set.data.content)?.[1] ?? "";
    expect(secret).toMatch(/^whsec_/);

    const started = await startViaDiscord(flow, { channelId: freshId() });
    // startViaDiscord picks a fresh guild; run one in the callback's guild directly:
    const reply = await sendInteraction(
      {
        ...command(freshId(), guildId, flow.name, [{ name: "input", type: 3, value: "hooked" }]),
        token: (await emulator.createInteractionToken({ guildId })).token,
      },
      [flow],
    );
    expect(((await reply.json()) as Reply).type).toBe(5);
    await vi.waitFor(async () => expect(await received(`/hook/${guildId}`)).toHaveLength(1), {
      timeout: 20_000,
    });
    const [hit] = await received(`/hook/${guildId}`);
    const payload = JSON.parse(hit?.body ?? "{}") as {
      input: string;
      status: string;
      guildId: string;
    };
    expect(payload).toMatchObject({ input: "hooked", status: "completed", guildId });
    const timestamp = hit?.headers["webhook-timestamp"] ?? "";
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(verifiedBy(secret, hit)).toMatchObject({ input: "hooked", guildId });
    // Another secret, or an altered body, does not verify.
    expect(() => verifiedBy(newCallbackSecret(), hit)).toThrow(WebhookVerificationError);
    expect(() => verifiedBy(secret, { ...(hit as Received), body: `${hit?.body} ` })).toThrow(
      WebhookVerificationError,
    );
    // The other workflow ran in another guild: nothing for this receiver from it.
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(await received(`/hook/${guildId}`)).toHaveLength(1);
  });

  it("retries a failing receiver a bounded number of times, every attempt one delivery id, each verifiable", async () => {
    const guildId = freshId();
    const secret = newCallbackSecret();
    await setGuildCallback(env.DB, sealerFor(env), guildId, {
      url: `${receiver}/status/503/${guildId}`,
      secret,
    });
    const token = (await emulator.createInteractionToken({ guildId })).token;
    await sendInteraction(
      {
        ...command(freshId(), guildId, flow.name, [{ name: "input", type: 3, value: "x" }]),
        token,
      },
      [flow],
    );
    await vi.waitFor(async () => expect(await received(`/status/503/${guildId}`)).toHaveLength(5), {
      timeout: 20_000,
    });
    const ids = await env.DB.prepare("SELECT workflow_id FROM results WHERE guild_id = ?")
      .bind(guildId)
      .all<{ workflow_id: string }>();
    const id = ids.results[0]?.workflow_id ?? "";
    await vi.waitFor(async () => {
      const events = await trackerStub(env, id).events(0);
      expect(events.some((e) => e.type === "callback_gave_up")).toBe(true);
    });
    const attempts = await received(`/status/503/${guildId}`);
    expect(attempts).toHaveLength(5);
    expect(new Set(attempts.map((a) => a.headers["webhook-id"]))).toEqual(new Set([`msg_${id}`]));
    for (const attempt of attempts) expect(verifiedBy(secret, attempt)).toBeTruthy();
  });

  it("refuses at send time a stored URL that points at a private address", async () => {
    const guildId = freshId();
    await setGuildCallback(env.DB, sealerFor(env), guildId, {
      url: "http://192.168.1.10/hook",
      secret: "s",
    });
    const token = (await emulator.createInteractionToken({ guildId })).token;
    await sendInteraction(
      {
        ...command(freshId(), guildId, flow.name, [{ name: "input", type: 3, value: "x" }]),
        token,
      },
      [flow],
    );
    await vi.waitFor(
      async () => {
        const ids = await env.DB.prepare("SELECT workflow_id FROM results WHERE guild_id = ?")
          .bind(guildId)
          .all<{ workflow_id: string }>();
        const events = await trackerStub(
          env,
          ids.results[0]?.workflow_id ?? crypto.randomUUID(),
        ).events(0);
        expect(events.find((e) => e.type === "callback_refused")?.data.reason).toBeTruthy();
      },
      { timeout: 20_000 },
    );
  });
});
