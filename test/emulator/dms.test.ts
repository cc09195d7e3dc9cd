import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { expectDiscordError, postToChannel } from "./support.ts";

type DmChannel = { id: string; type: number; recipients: { id: string }[] };

async function openDm(recipientId: string): Promise<DmChannel> {
  const res = await emulator.api("/users/@me/channels", {
    method: "POST",
    json: { recipient_id: recipientId },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as DmChannel;
}

describe("direct messages", () => {
  it("opens one DM channel per recipient", async () => {
    const userId = freshId();
    const dm = await openDm(userId);
    expect(dm).toMatchObject({ type: 1, recipients: [{ id: userId }] });
    expect((await openDm(userId)).id).toBe(dm.id);
    expect((await openDm(freshId())).id).not.toBe(dm.id);
  });

  it("records messages posted to a DM channel as DMs", async () => {
    const dm = await openDm(freshId());
    expect((await postToChannel(dm.id, { content: "your result" })).status).toBe(200);
    const [message] = await emulator.messages({ channelId: dm.id });
    expect(message).toMatchObject({ content: "your result", source: "dm", author: { bot: true } });
    const channel = (await (await emulator.api(`/channels/${dm.id}`)).json()) as DmChannel;
    expect(channel.type).toBe(1);
  });

  it("refuses a missing recipient with 50035", async () => {
    const res = await emulator.api("/users/@me/channels", { method: "POST", json: {} });
    await expectDiscordError(res, 400, 50035);
  });

  it("can refuse one recipient's DM channel (bodyMatch) without touching parallel tests", async () => {
    const userId = freshId();
    await emulator.injectFault({
      match: "/users/@me/channels",
      bodyMatch: userId,
      kind: "no_mutual_guilds",
    });
    const res = await emulator.api("/users/@me/channels", {
      method: "POST",
      json: { recipient_id: userId },
    });
    await expectDiscordError(res, 403, 50278);
    expect((await openDm(userId)).recipients[0]?.id).toBe(userId);
  });
});
