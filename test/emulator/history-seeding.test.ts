import type { APIMessage } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../helpers/emulator.ts";
import { ids, isNewestFirst, page, unlimited } from "./history-support.ts";

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const timeOf = (id: string) => Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);

describe("seeded history", () => {
  it("makes 100,000 messages in one channel quickly, and pages them in order", async () => {
    const channelId = freshId();
    await unlimited(channelId);
    const endAt = Date.parse("2026-06-01T00:00:00Z");
    const spanMs = 10 * 24 * 60 * 60 * 1000;
    const started = Date.now();
    const seeded = await emulator.seedHistory(channelId, {
      count: 100_000,
      seed: 3,
      endAt,
      spanMs,
    });
    // Generous for a shared machine; the seeding itself takes about a quarter of a second.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(seeded.count).toBe(100_000);
    expect((await emulator.history(channelId, { limit: 1 })).total).toBe(100_000);
    expect(timeOf(seeded.newestId as string)).toBe(endAt);
    expect(timeOf(seeded.oldestId as string)).toBeGreaterThanOrEqual(endAt - spanMs);

    const walked: string[] = [];
    let before = "";
    for (let k = 0; k < 30; k++) {
      const batch = ids(await page(channelId, `limit=100${before && `&before=${before}`}`));
      expect(batch).toHaveLength(100);
      walked.push(...batch);
      before = batch.at(-1) as string;
    }
    expect(walked[0]).toBe(seeded.newestId);
    expect(new Set(walked).size).toBe(3000);
    expect(isNewestFirst(walked)).toBe(true);
    const oldest = await page(channelId, `after=0&limit=100`);
    expect(oldest.at(-1)?.id).toBe(seeded.oldestId);
  });

  it("is deterministic: the same seed gives the same messages", async () => {
    const [a, b] = [freshId(), freshId()];
    const options = { count: 300, seed: 42, endAt: "2026-01-01T00:00:00Z" };
    await emulator.seedHistory(a, options);
    await emulator.seedHistory(b, options);
    // The channel's own id appears in channel mentions; everything else is the same.
    const shape = (m: APIMessage) => [
      m.timestamp,
      m.author.id,
      m.content.replace(/<#\d+>/g, "<#channel>"),
      m.type,
      m.pinned,
    ];
    const [first, second] = [await emulator.history(a), await emulator.history(b)];
    expect(second.messages.map(shape)).toEqual(first.messages.map(shape));
    const c = freshId();
    await emulator.seedHistory(c, { ...options, seed: 43 });
    expect((await emulator.history(c)).messages.map(shape)).not.toEqual(first.messages.map(shape));
  });

  it("looks like real messages: replies, edits, pins, attachments, embeds, reactions, hostile text", async () => {
    const channelId = freshId();
    await emulator.seedHistory(channelId, { count: 3000, seed: 11 });
    const { messages } = await emulator.history(channelId, { limit: 3000 });
    const some = (test: (m: APIMessage) => boolean) => messages.filter(test).length;

    for (const m of messages) {
      expect(m.channel_id).toBe(channelId);
      expect(Object.keys(m.author)).toEqual(
        expect.arrayContaining(["id", "username", "global_name", "avatar", "bot"]),
      );
      expect(Array.isArray(m.mentions) && Array.isArray(m.mention_roles)).toBe(true);
    }
    const replies = messages.filter((m) => m.type === 19);
    expect(replies.length).toBeGreaterThan(100);
    for (const reply of replies) {
      expect(reply.referenced_message?.id).toBe(reply.message_reference?.message_id);
      expect(BigInt(reply.referenced_message?.id ?? "0")).toBeLessThan(BigInt(reply.id));
    }
    expect(
      some((m) => m.edited_timestamp !== null && m.edited_timestamp > m.timestamp),
    ).toBeGreaterThan(50);
    expect(some((m) => m.pinned)).toBeGreaterThan(10);
    expect(some((m) => m.author.bot === true)).toBeGreaterThan(10);
    expect(some((m) => m.sticker_items !== undefined)).toBeGreaterThan(0);
    expect(some((m) => m.mention_everyone)).toBeGreaterThan(0);
    expect(some((m) => m.mentions.some((u) => u.id === emulator.applicationId))).toBeGreaterThan(
      10,
    );

    const attachment = messages.flatMap((m) => m.attachments).find((a) => a.width !== undefined);
    expect(attachment).toMatchObject({
      url: expect.any(String),
      proxy_url: expect.any(String),
      size: expect.any(Number),
      filename: expect.any(String),
      content_type: expect.any(String),
      height: expect.any(Number),
    });
    const embed = messages.flatMap((m) => m.embeds)[0];
    expect(embed).toMatchObject({
      type: "rich",
      title: expect.any(String),
      color: expect.any(Number),
    });
    expect(embed?.fields?.length).toBeGreaterThan(0);
    const reaction = messages.flatMap((m) => m.reactions ?? [])[0];
    expect(reaction).toMatchObject({ count: expect.any(Number), me: false });
    expect(reaction?.emoji).toHaveProperty("name");

    const contents = messages.map((m) => m.content).join("\n");
    for (const hostile of ["<script>", "=cmd|", "@everyone", "```", "\n", '"', ","]) {
      expect(contents, hostile).toContain(hostile);
    }
    expect(contents).toMatch(/[\u3040-\u30ff]/); // Japanese
    expect(contents).toMatch(/[\u0600-\u06ff]/); // Arabic (RTL)
    expect(contents).toMatch(/\p{Extended_Pictographic}/u);
    expect(new Set(messages.map((m) => m.author.id)).size).toBe(20);
  });

  it("refuses options it cannot honour", async () => {
    for (const bad of [
      { count: -1 },
      { count: 2_000_000 },
      { count: 5, channelType: 2 },
      { count: 5, spanMs: 0 },
    ]) {
      await expect(emulator.seedHistory(freshId(), bad)).rejects.toThrow(/→ 400/);
    }
  });
});
