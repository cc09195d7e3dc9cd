import { beforeAll, describe, expect, it } from "vitest";
import { emulator, freshId, type SeedHistoryResponse } from "../helpers/emulator.ts";
import { ids, isNewestFirst, page, unlimited } from "./history-support.ts";

type Thread = {
  id: string;
  type: number;
  parent_id: string;
  guild_id: string;
  name: string;
  message_count: number;
  thread_metadata: { archived: boolean; archive_timestamp: string };
};
type ThreadList = { threads: Thread[]; members: unknown[]; has_more?: boolean };

async function getJson<T>(path: string): Promise<T> {
  const response = await emulator.api(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

let channelId: string;
let guildId: string;
let seeded: SeedHistoryResponse;

beforeAll(async () => {
  [channelId, guildId] = [freshId(), freshId()];
  await unlimited(channelId);
  seeded = await emulator.seedHistory(channelId, {
    count: 500,
    guildId,
    threads: 7,
    name: "general <b>",
    topic: 'Talk & "quotes"',
  });
});

describe("channels, guilds and threads", () => {
  it("shows the seeded channel and its guild", async () => {
    const channel = await getJson<Record<string, unknown>>(`/channels/${channelId}`);
    expect(channel).toMatchObject({
      id: channelId,
      type: 0,
      guild_id: guildId,
      name: "general <b>",
      topic: 'Talk & "quotes"',
      parent_id: null,
      last_message_id: seeded.newestId,
    });
    const guild = await getJson<Record<string, unknown>>(`/guilds/${guildId}`);
    expect(guild).toMatchObject({ id: guildId, name: expect.any(String) });
    expect(guild.icon === null || /^[0-9a-f]{32}$/.test(String(guild.icon))).toBe(true);
  });

  it("creates threads under the channel, some active and some archived", async () => {
    expect(seeded.threadIds).toHaveLength(7);
    expect(seeded.archivedThreadIds.length).toBeGreaterThan(0);
    expect(seeded.archivedThreadIds.length).toBeLessThan(7);
    const active = await getJson<ThreadList>(`/guilds/${guildId}/threads/active`);
    const activeIds = seeded.threadIds.filter((id) => !seeded.archivedThreadIds.includes(id));
    expect(ids(active.threads).sort()).toEqual([...activeIds].sort());
    expect(active.members).toEqual([]);
    for (const thread of active.threads) {
      expect(thread).toMatchObject({ type: 11, parent_id: channelId, guild_id: guildId });
      expect(thread.thread_metadata.archived).toBe(false);
    }
  });

  it("pages archived public threads by archive time with before, limit and has_more", async () => {
    const seen: Thread[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const query = `limit=2${before ? `&before=${encodeURIComponent(before)}` : ""}`;
      const list = await getJson<ThreadList>(
        `/channels/${channelId}/threads/archived/public?${query}`,
      );
      seen.push(...list.threads);
      if (!list.has_more) break;
      before = list.threads.at(-1)?.thread_metadata.archive_timestamp;
    }
    expect(ids(seen).sort()).toEqual([...seeded.archivedThreadIds].sort());
    const times = seen.map((t) => Date.parse(t.thread_metadata.archive_timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const thread of seen) expect(thread.thread_metadata.archived).toBe(true);
    const bad = await emulator.api(`/channels/${channelId}/threads/archived/public?before=soon`);
    expect(bad.status).toBe(400);
  });

  it("serves each thread's messages through the same route", async () => {
    for (const threadId of seeded.threadIds) {
      const thread = await getJson<Thread>(`/channels/${threadId}`);
      expect(thread).toMatchObject({ id: threadId, type: 11, parent_id: channelId });
      const messages = await page(threadId, "limit=100");
      expect(messages).toHaveLength(seeded.threadMessageCounts[threadId] ?? -1);
      expect(thread.message_count).toBe(messages.length);
      expect(isNewestFirst(ids(messages))).toBe(true);
      for (const m of messages) expect(m.channel_id).toBe(threadId);
      // A thread's messages come after it was created.
      expect(BigInt(messages.at(-1)?.id ?? "0")).toBeGreaterThan(BigInt(threadId));
    }
  });
});
