import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { type DiscordMessage, postToChannel } from "./support.ts";

describe("nonce + enforce_nonce on POST /channels/{id}/messages", () => {
  it("returns the first message for a repeated nonce instead of posting again", async () => {
    const channelId = freshId();
    const nonce = freshId().slice(-20);
    const first = (await (
      await postToChannel(channelId, { content: "once", nonce, enforce_nonce: true })
    ).json()) as DiscordMessage;
    const again = await postToChannel(channelId, { content: "twice", nonce, enforce_nonce: true });
    expect(again.status).toBe(200);
    expect(((await again.json()) as DiscordMessage).id).toBe(first.id);
    expect(first.nonce).toBe(nonce);
    const messages = await emulator.messages({ channelId });
    expect(messages.map((m) => m.content)).toEqual(["once"]);
    expect(messages[0]?.nonce).toBe(nonce);
  });

  it("posts again when enforce_nonce is not set", async () => {
    const channelId = freshId();
    await postToChannel(channelId, { content: "a", nonce: "same" });
    await postToChannel(channelId, { content: "b", nonce: "same" });
    expect(await emulator.messages({ channelId })).toHaveLength(2);
  });

  it("scopes nonces to the channel", async () => {
    const nonce = freshId().slice(-20);
    const [a, b] = [freshId(), freshId()];
    await postToChannel(a, { content: "in a", nonce, enforce_nonce: true });
    await postToChannel(b, { content: "in b", nonce, enforce_nonce: true });
    expect(await emulator.messages({ channelId: b })).toHaveLength(1);
  });

  it("refuses a nonce longer than 25 characters", async () => {
    const res = await postToChannel(freshId(), {
      content: "x",
      nonce: "n".repeat(26),
      enforce_nonce: true,
    });
    expect(res.status).toBe(400);
  });
});
