import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { postToChannel } from "./support.ts";

const post = (channelId: string) => postToChannel(channelId, { content: "x" });

function createWebhook(channelId: string): Promise<Response> {
  return emulator.api(`/channels/${channelId}/webhooks`, {
    method: "POST",
    json: { name: "hook" },
  });
}

describe("the faults that close the bot gate", () => {
  it("bad_bot_token answers 401 code 0, as after a token reset", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "bad_bot_token" });
    const res = await post(channelId);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("cloudflare_1015 answers a 429 HTML page without Discord's JSON or rate-limit headers", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "cloudflare_1015" });
    const res = await post(channelId);
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("1015");
    expect([...res.headers.keys()].some((h) => h.startsWith("x-ratelimit-"))).toBe(false);
  });

  it("a global rate_limit carries X-RateLimit-Global and scope global", async () => {
    const channelId = freshId();
    await emulator.injectFault({ match: channelId, kind: "rate_limit", global: true });
    const res = await post(channelId);
    expect(res.status).toBe(429);
    expect(res.headers.get("x-ratelimit-global")).toBe("true");
    expect(res.headers.get("x-ratelimit-scope")).toBe("global");
  });
});

describe("channel webhooks at Discord's limits", () => {
  it("refuses a 16th webhook in a channel with 30007 and lists the 15", async () => {
    const channelId = freshId();
    for (let i = 0; i < 15; i++) expect((await createWebhook(channelId)).status).toBe(200);
    const refused = await createWebhook(channelId);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: number }).code).toBe(30007);
    expect(await emulator.webhooks(channelId)).toHaveLength(15);
  });

  it("executes and edits of one webhook share one bucket", async () => {
    const channelId = freshId();
    const hook = (await (await createWebhook(channelId)).json()) as { id: string; token: string };
    const match = `/webhooks/${hook.id}/`;
    await emulator.setRateLimit({ match, limit: 2, windowMs: 60_000 });
    try {
      const path = `/webhooks/${hook.id}/${hook.token}`;
      const posted = await emulator.api(`${path}?wait=true`, {
        method: "POST",
        json: { content: "a" },
      });
      const { id } = (await posted.json()) as { id: string };
      const edit = () =>
        emulator.api(`${path}/messages/${id}`, { method: "PATCH", json: { content: "b" } });
      expect((await edit()).status).toBe(200);
      const third = await edit();
      expect(third.status).toBe(429);
      expect(third.headers.get("x-ratelimit-bucket")).toBe(
        posted.headers.get("x-ratelimit-bucket"),
      );
    } finally {
      await emulator.clearRateLimit(match);
    }
  });
});
