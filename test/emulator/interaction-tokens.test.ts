import { describe, expect, it, vi } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { type DiscordMessage, expectDiscordError, interactionWebhook } from "./support.ts";

const LOADING = 1 << 7;

describe("interaction tokens", () => {
  it("creates a deferred @original that the bot can edit", async () => {
    const { token } = await emulator.createInteractionToken();
    const [deferred] = await emulator.messages({ token });
    expect(deferred).toMatchObject({ source: "interaction", content: "", edits: 0 });
    expect((deferred?.flags ?? 0) & LOADING).toBe(LOADING);

    const res = await emulator.api(interactionWebhook(token, "/messages/@original"), {
      method: "PATCH",
      json: { content: "done" },
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as DiscordMessage;
    expect(edited).toMatchObject({ id: deferred?.id, content: "done" });
    expect(edited.edited_timestamp).not.toBeNull();
    const [stored] = await emulator.messages({ token });
    expect(stored).toMatchObject({ content: "done", edits: 1, interaction_token: token });
    expect((stored?.flags ?? 0) & LOADING).toBe(0);
  });

  it("keeps the ephemeral flag of a deferral", async () => {
    const { token } = await emulator.createInteractionToken({ ephemeral: true });
    const [deferred] = await emulator.messages({ token });
    expect(deferred?.flags).toBe(64 | LOADING);
  });

  it("uses the channel, guild and lifetime it was given", async () => {
    const channelId = freshId();
    const before = Date.now();
    const { token, expiresAt } = await emulator.createInteractionToken({
      channelId,
      ttlMs: 60_000,
    });
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60_000 - 1000);
    const [original] = await emulator.messages({ token });
    expect(original?.channel_id).toBe(channelId);
  });

  it("answers 401 50027 once the token's lifetime is over", async () => {
    const { token } = await emulator.createInteractionToken({ ttlMs: 300 });
    const original = interactionWebhook(token, "/messages/@original");
    expect((await emulator.api(original)).status).toBe(200);
    await vi.waitFor(
      async () => {
        const res = await emulator.api(original, { method: "PATCH", json: { content: "late" } });
        expect(res.status).toBe(401);
      },
      { timeout: 3000, interval: 50 },
    );
    const res = await emulator.api(interactionWebhook(token), {
      method: "POST",
      json: { content: "x" },
    });
    const body = await expectDiscordError(res, 401, 50027);
    expect(body.message).toBe("Invalid Webhook Token");
  });

  it("kills a token on demand", async () => {
    const { token } = await emulator.createInteractionToken();
    await emulator.expireToken(token);
    const res = await emulator.api(interactionWebhook(token, "/messages/@original"), {
      method: "PATCH",
      json: { content: "x" },
    });
    await expectDiscordError(res, 401, 50027);
  });

  it("answers 404 10015 for a token it never issued", async () => {
    const res = await emulator.api(interactionWebhook("never-issued-token", "/messages/@original"));
    const body = await expectDiscordError(res, 404, 10015);
    expect(body.message).toBe("Unknown Webhook");
  });

  it("answers 404 10015 when the application id does not own the token", async () => {
    const { token } = await emulator.createInteractionToken();
    const res = await emulator.api(`/webhooks/999999999999999999/${token}/messages/@original`);
    await expectDiscordError(res, 404, 10015);
  });

  it("posts, reads, edits and deletes follow-ups of its own token only", async () => {
    const { token } = await emulator.createInteractionToken();
    const other = await emulator.createInteractionToken();
    const res = await emulator.api(interactionWebhook(token), {
      method: "POST",
      json: { content: "follow-up", flags: 64 },
    });
    expect(res.status).toBe(200);
    const followup = (await res.json()) as DiscordMessage;
    expect(followup.flags).toBe(64);

    const path = interactionWebhook(token, `/messages/${followup.id}`);
    expect(((await (await emulator.api(path)).json()) as DiscordMessage).content).toBe("follow-up");
    const foreign = await emulator.api(interactionWebhook(other.token, `/messages/${followup.id}`));
    await expectDiscordError(foreign, 404, 10008);

    await emulator.api(path, { method: "PATCH", json: { content: "edited" } });
    const stored = (await emulator.messages({ token })).find((m) => m.id === followup.id);
    expect(stored).toMatchObject({ source: "followup", content: "edited", edits: 1 });

    expect((await emulator.api(path, { method: "DELETE" })).status).toBe(204);
    await expectDiscordError(await emulator.api(path), 404, 10008);
  });

  it("refuses to edit @original into an empty message", async () => {
    const { token } = await emulator.createInteractionToken();
    const res = await emulator.api(interactionWebhook(token, "/messages/@original"), {
      method: "PATCH",
      json: { content: "" },
    });
    await expectDiscordError(res, 400, 50006);
  });

  it("deletes @original, after which it is unknown", async () => {
    const { token } = await emulator.createInteractionToken();
    const original = interactionWebhook(token, "/messages/@original");
    expect((await emulator.api(original, { method: "DELETE" })).status).toBe(204);
    await expectDiscordError(await emulator.api(original), 404, 10008);
    expect(await emulator.messages({ token })).toEqual([]);
  });
});
