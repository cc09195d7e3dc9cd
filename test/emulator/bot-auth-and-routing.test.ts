import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { expectDiscordError } from "./support.ts";

describe("bot authentication and routing", () => {
  const botRoutes = () => [`/channels/${freshId()}/messages`, "/users/@me/channels"];

  it.each([
    ["no Authorization header", null],
    ["a wrong bot token", "Bot not-the-token"],
    ["the token without the Bot prefix", "emulator-bot-token"],
  ])("answers 401 code 0 to %s", async (_label, authorization) => {
    for (const path of botRoutes()) {
      const res = await fetch(`${emulator.apiBase}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(authorization === null ? {} : { authorization }),
        },
        body: JSON.stringify({ content: "hi", recipient_id: freshId() }),
      });
      const body = await expectDiscordError(res, 401, 0);
      expect(body.message).toBe("401: Unauthorized");
    }
  });

  it("accepts the bot token", async () => {
    const res = await emulator.api("/users/@me");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: emulator.applicationId, bot: true });
  });

  it("needs no bot token on interaction webhook routes", async () => {
    const { token } = await emulator.createInteractionToken();
    const res = await fetch(
      `${emulator.apiBase}/webhooks/${emulator.applicationId}/${token}/messages/@original`,
    );
    expect(res.status).toBe(200);
  });

  it("answers unknown routes with Discord's 404 body", async () => {
    const res = await emulator.api("/no/such/route");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "404: Not Found", code: 0 });
    const outside = await fetch(`${emulator.origin}/api/v9/users/@me`);
    expect(await outside.json()).toEqual({ message: "404: Not Found", code: 0 });
  });

  it("answers a known path with the wrong method with 405", async () => {
    const res = await emulator.api("/users/@me", { method: "DELETE" });
    await expectDiscordError(res, 405, 0);
  });

  it("answers unknown control routes with a JSON 404", async () => {
    const res = await fetch(`${emulator.origin}/_emulator/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining("no-such-thing") });
  });

  it("refuses a body that is not JSON or multipart with 50035, and invalid JSON with 50109", async () => {
    const path = `/channels/${freshId()}/messages`;
    const plain = await emulator.api(path, {
      method: "POST",
      body: "content=hi",
      headers: { "content-type": "text/plain" },
    });
    const body = await expectDiscordError(plain, 400, 50035);
    expect(JSON.stringify(body.errors)).toContain("CONTENT_TYPE_INVALID");
    const broken = await emulator.api(path, {
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    await expectDiscordError(broken, 400, 50109);
  });
});
