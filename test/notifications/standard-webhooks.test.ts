import { env } from "cloudflare:workers";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, inject, it } from "vitest";
import {
  type CallbackPolicy,
  callbackPolicyFromEnv,
  checkCallbackUrl,
  postCallback,
} from "../../src/notifications/callback.ts";
import {
  type GuildCallback,
  guildCallback,
  replaceGuildCallback,
  setGuildCallback,
} from "../../src/notifications/settings.ts";
import { newCallbackSecret } from "../../src/notifications/standard-webhooks.ts";
import { sealerFor } from "../../src/secrets/sealer.ts";
import { freshId } from "../helpers/emulator.ts";

const receiver = inject("callbackReceiverOrigin");
const HOUR = 3_600_000;
const policy: CallbackPolicy = callbackPolicyFromEnv(env);

type Received = { path: string; headers: Record<string, string>; body: string };

async function received(key: string): Promise<Received[]> {
  return (await (await fetch(`${receiver}/received?key=${key}`)).json()) as Received[];
}

async function deliver(callback: GuildCallback, now = Date.now()) {
  return postCallback(callback, `msg_${crypto.randomUUID()}`, { hello: "world" }, policy, now);
}

async function rawColumns(guildId: string) {
  return env.DB.prepare(
    "SELECT callback_url, callback_secret, previous_callback_secret FROM guild_settings WHERE guild_id = ?",
  )
    .bind(guildId)
    .first<Record<string, string | null>>();
}

describe("callbacks by the Standard Webhooks specification", () => {
  it("during a rotation's grace both secrets verify (two signatures); after it only the new one", async () => {
    const guildId = freshId();
    const url = `${receiver}/rotation/${guildId}`;
    const [oldSecret, newSecret] = [newCallbackSecret(), newCallbackSecret()];
    const now = Date.now();
    await replaceGuildCallback(
      env.DB,
      sealerFor(env),
      guildId,
      { url, secret: oldSecret },
      HOUR,
      now,
    );
    await replaceGuildCallback(
      env.DB,
      sealerFor(env),
      guildId,
      { url, secret: newSecret },
      HOUR,
      now,
    );
    const during = await guildCallback(env.DB, sealerFor(env), guildId, now);
    expect(during?.previous).toEqual({ secret: oldSecret, until: now + HOUR });
    expect(await deliver(during as GuildCallback)).toMatchObject({ kind: "delivered" });

    const [hit] = await received(`/rotation/${guildId}`);
    expect(hit?.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    for (const secret of [oldSecret, newSecret])
      expect(new Webhook(secret).verify(hit?.body ?? "", hit?.headers ?? {})).toEqual({
        hello: "world",
      });

    // The grace is over: the old secret is dropped from the row and no longer signs.
    const after = await guildCallback(env.DB, sealerFor(env), guildId, now + HOUR + 1);
    expect(after?.previous).toBeNull();
    expect((await rawColumns(guildId))?.previous_callback_secret).toBeNull();
    await deliver(after as GuildCallback);
    const second = (await received(`/rotation/${guildId}`))[1];
    expect(second?.headers["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(() => new Webhook(oldSecret).verify(second?.body ?? "", second?.headers ?? {})).toThrow(
      WebhookVerificationError,
    );
    expect(new Webhook(newSecret).verify(second?.body ?? "", second?.headers ?? {})).toBeTruthy();
  });

  it("a secret issued before (64 hex characters) still signs, verifiable as a raw key", async () => {
    const guildId = freshId();
    const legacy = "ab".repeat(32);
    await deliver({ url: `${receiver}/legacy/${guildId}`, secret: legacy });
    const [hit] = await received(`/legacy/${guildId}`);
    expect(
      new Webhook(legacy, { format: "raw" }).verify(hit?.body ?? "", hit?.headers ?? {}),
    ).toBeTruthy();
  });

  it("takes https:// only, unless CALLBACK_ALLOW_HTTP says otherwise; refused at send time too", async () => {
    const strict = callbackPolicyFromEnv({ ...env, CALLBACK_ALLOW_HTTP: "false" });
    expect(checkCallbackUrl("http://hooks.example/x", strict)).toEqual({
      ok: false,
      reason: "callbacks are sent only to https:// addresses",
      refusal: { key: "common.url.httpsOnly" },
    });
    expect(checkCallbackUrl("https://hooks.example/x", strict)).toMatchObject({ ok: true });
    expect(checkCallbackUrl("http://hooks.example/x", policy)).toMatchObject({ ok: true });
    const guildId = freshId();
    const outcome = await postCallback(
      { url: `${receiver}/plain/${guildId}`, secret: newCallbackSecret() },
      "msg_x",
      {},
      strict,
      Date.now(),
    );
    expect(outcome).toEqual({
      kind: "refused",
      reason: "callbacks are sent only to https:// addresses",
    });
    expect(await received(`/plain/${guildId}`)).toEqual([]);
  });

  it("keeps the URL sealed at rest, and seals a plaintext URL stored before", async () => {
    const guildId = freshId();
    const url = `https://hooks.example/${guildId}?token=secret-in-url`;
    await setGuildCallback(env.DB, sealerFor(env), guildId, { url, secret: newCallbackSecret() });
    const sealed = await rawColumns(guildId);
    expect(sealed?.callback_url).toMatch(/^enc:v1:/);
    expect(sealed?.callback_url).not.toContain("hooks.example");

    // A row written before the URL was sealed: read as it is, then written back sealed.
    await env.DB.prepare("UPDATE guild_settings SET callback_url = ? WHERE guild_id = ?")
      .bind(url, guildId)
      .run();
    expect((await guildCallback(env.DB, sealerFor(env), guildId))?.url).toBe(url);
    expect((await rawColumns(guildId))?.callback_url).toMatch(/^enc:v1:/);
    // A sealed URL moved to another guild's row does not open there.
    const other = freshId();
    await setGuildCallback(env.DB, sealerFor(env), other, {
      url: "https://b.example/",
      secret: "s",
    });
    await env.DB.prepare("UPDATE guild_settings SET callback_url = ? WHERE guild_id = ?")
      .bind(sealed?.callback_url, other)
      .run();
    expect(await guildCallback(env.DB, sealerFor(env), other)).toBeNull();
  });
});
