import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { page } from "./history-support.ts";

async function seededChannel(threads = 0) {
  const channelId = freshId();
  const seeded = await emulator.seedHistory(channelId, { count: 200, threads });
  return { channelId, seeded };
}

async function expectExactError(path: string, status: number, body: unknown) {
  const response = await emulator.api(path);
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual(body);
}

const MISSING_ACCESS = { message: "Missing Access", code: 50001 };
const MISSING_PERMISSIONS = { message: "Missing Permissions", code: 50013 };

describe("channel access", () => {
  it("answers 403 50001 on every route of a channel the bot cannot view, threads included", async () => {
    const { channelId, seeded } = await seededChannel(2);
    await emulator.setChannelAccess(channelId, { botCanView: false });
    await expectExactError(`/channels/${channelId}`, 403, MISSING_ACCESS);
    await expectExactError(`/channels/${channelId}/messages`, 403, MISSING_ACCESS);
    await expectExactError(`/channels/${channelId}/threads/archived/public`, 403, MISSING_ACCESS);
    await expectExactError(`/channels/${seeded.threadIds[0]}/messages`, 403, MISSING_ACCESS);
    const active = (await (
      await emulator.api(`/guilds/${seeded.guildId}/threads/active`)
    ).json()) as {
      threads: { id: string }[];
    };
    expect(active.threads.map((t) => t.id)).not.toContain(seeded.threadIds[0]);
    await emulator.setChannelAccess(channelId, { botCanView: true });
    expect(await page(channelId)).toHaveLength(50);
  });

  it("answers 403 50013 to history reads without Read Message History", async () => {
    const { channelId, seeded } = await seededChannel();
    await emulator.setChannelAccess(channelId, { botCanReadHistory: false });
    await expectExactError(`/channels/${channelId}/messages`, 403, MISSING_PERMISSIONS);
    await expectExactError(
      `/channels/${channelId}/messages/${seeded.newestId}`,
      403,
      MISSING_PERMISSIONS,
    );
    expect((await emulator.api(`/channels/${channelId}`)).status).toBe(200);
  });

  it("blanks messages without Message Content, except those that mention the bot", async () => {
    const { channelId } = await seededChannel();
    const full = await page(channelId, "limit=100");
    const access = await emulator.setChannelAccess(channelId, { messageContent: false });
    expect(access).toEqual({ botCanView: true, botCanReadHistory: true, messageContent: false });
    const blank = await page(channelId, "limit=100");
    const mentionsBot = (m: (typeof full)[number]) =>
      m.mentions.some((u) => u.id === emulator.applicationId);
    expect(full.filter(mentionsBot).length).toBeGreaterThan(0);
    expect(full.filter((m) => m.content !== "" || m.attachments.length > 0).length).toBeGreaterThan(
      50,
    );
    for (const [i, m] of blank.entries()) {
      const original = full[i];
      expect(m.id).toBe(original?.id);
      if (original && mentionsBot(original)) {
        expect(m).toEqual(original);
      } else {
        expect([m.content, m.embeds, m.attachments, m.components]).toEqual(["", [], [], []]);
        expect(m.author).toEqual(original?.author);
      }
    }
    await emulator.setChannelAccess(channelId, { messageContent: true });
    expect(await page(channelId, "limit=100")).toEqual(full);
  });

  it("refuses a control call with a non-boolean access field", async () => {
    await expect(
      emulator.setChannelAccess(freshId(), { botCanView: "no" as unknown as boolean }),
    ).rejects.toThrow(/→ 400/);
  });
});
