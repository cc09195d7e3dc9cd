import { describe, expect, it } from "vitest";
import type { FaultSpec } from "../helpers/emulator.ts";
import { emulator, freshId } from "../helpers/emulator.ts";
import { expectDiscordError, postToChannel } from "./support.ts";

const post = (channelId: string) => postToChannel(channelId, { content: "x" });

describe("fault injection", () => {
  it.each([
    ["missing_permission", 403, 50013],
    ["missing_access", 403, 50001],
    ["dm_closed", 403, 50007],
    ["no_mutual_guilds", 403, 50278],
    ["webhook_deleted", 404, 10015],
    ["unknown_message", 404, 10008],
    ["unknown_interaction", 404, 10062],
    ["token_expired", 401, 50027],
    ["invalid_body", 400, 50035],
  ] as const)("%s answers %i with code %i, once", async (kind, status, code) => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind });
    const body = await expectDiscordError(await post(channelId), status, code);
    if (kind === "invalid_body") expect(body.errors).toBeDefined();
    expect((await post(channelId)).status).toBe(200);
    expect(await emulator.messages({ channelId })).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])("server_error %i answers with a small body", async (status) => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "server_error", status });
    const res = await post(channelId);
    expect(res.status).toBe(status);
    expect((await res.text()).length).toBeLessThan(500);
  });

  it("server_error defaults to 502", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "server_error" });
    expect((await post(channelId)).status).toBe(502);
  });

  it("rate_limit answers a 429 with retry_after and the rate-limit headers", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "rate_limit", retryAfterSeconds: 2.5 });
    const res = await post(channelId);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({
      message: "You are being rate limited.",
      retry_after: 2.5,
      global: false,
    });
    expect(res.headers.get("retry-after")).toBe("3");
    expect(res.headers.get("x-ratelimit-scope")).toBe("user");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(res.headers.get("x-ratelimit-reset-after")).toBe("2.500");
  });

  it("a global rate_limit says so in the body and the headers", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "rate_limit", global: true });
    const res = await post(channelId);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ retry_after: 1, global: true });
    expect(res.headers.get("x-ratelimit-global")).toBe("true");
    expect(res.headers.get("x-ratelimit-scope")).toBe("global");
  });

  it("cloudflare_ban is a 429 without rate-limit headers and with code 0", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "cloudflare_ban" });
    const res = await post(channelId);
    expect(res.status).toBe(429);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(res.headers.get("retry-after")).toBeNull();
    const body = (await res.json()) as { code: number; message: string };
    expect(body.code).toBe(0);
    expect(body.message).toContain("You are being blocked");
  });

  it("hang never answers; the client's timeout ends it", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "hang" });
    const started = Date.now();
    const outcome = await emulator
      .api(`/channels/${channelId}/messages`, {
        method: "POST",
        json: { content: "x" },
        signal: AbortSignal.timeout(300),
      })
      .then(
        (res) => `answered ${res.status}`,
        (error: unknown) => `failed: ${String(error)}`,
      );
    expect(outcome).toMatch(/^failed/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const [logged] = await emulator.requests(channelId);
    expect(logged?.status).toBe(0);
    expect((await post(channelId)).status).toBe(200);
  });

  it("times: n hits n requests, -1 every request; clearFaults removes it", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "missing_access", times: 2 });
    expect([
      (await post(channelId)).status,
      (await post(channelId)).status,
      (await post(channelId)).status,
    ]).toEqual([403, 403, 200]);
    await emulator.injectFault({ match: channelId, kind: "missing_access", times: -1 });
    for (let i = 0; i < 3; i++) expect((await post(channelId)).status).toBe(403);
    expect(await emulator.clearFaults(channelId)).toEqual({ removed: 1 });
    expect((await post(channelId)).status).toBe(200);
  });

  it("method restricts a fault to one HTTP method", async () => {
    const { token } = await emulator.createInteractionToken();
    await emulator.injectFault({ match: token, kind: "unknown_message", method: "PATCH" });
    const original = `/webhooks/${emulator.applicationId}/${token}/messages/@original`;
    expect((await emulator.api(original)).status).toBe(200);
    await expectDiscordError(
      await emulator.api(original, { method: "PATCH", json: { content: "x" } }),
      404,
      10008,
    );
  });

  it("rejects an invalid fault spec with 400", async () => {
    const spec = { match: freshId(), kind: "meteor_strike" } as unknown as FaultSpec;
    await expect(emulator.injectFault(spec)).rejects.toThrow(/400/);
  });
});
