import { describe, expect, it } from "vitest";
import { emulator, freshId } from "../../helpers/emulator.ts";
import { exportFiles, finished, runExport, seededChannel, truthOf } from "./export-harness.ts";
import { readDceExport } from "./format/dce-json-reader.ts";

/** The file of the channel or thread `id` among the export's files. */
function fileOf(files: Map<string, string>, id: string): string {
  const name = [...files.keys()].find((key) => key.endsWith(`-${id}.json`));
  expect(name, [...files.keys()].join(", ")).toBeDefined();
  return files.get(name as string) as string;
}

function idsIn(text: string): string[] {
  return readDceExport(text).messages.map((m) => m.id);
}

describe("/export of threads, forums and partitions", () => {
  it("with threads: one file per thread, each holding exactly its messages; past seven, files.md lists them all", async () => {
    const { channelId, guildId, seeded } = await seededChannel(150, { seed: 3, threads: 8 });
    expect(seeded.threadIds).toHaveLength(8);
    const run = await runExport({
      target: channelId,
      guildId,
      options: { format: "json", threads: true },
    });
    expect((await finished(run)).status).toBe("completed");
    const files = await exportFiles(run.workflowId);
    expect(files.size).toBe(9);
    // The channel's seeded messages (the bot's own notices there may land after the read).
    const newest = BigInt(seeded.newestId as string);
    const own = idsIn(fileOf(files, channelId)).filter((id) => BigInt(id) <= newest);
    const truth = (await truthOf(channelId)).map((m) => m.id).filter((id) => BigInt(id) <= newest);
    expect(own).toEqual(truth);
    for (const threadId of seeded.threadIds) {
      const truth = (await truthOf(threadId)).map((m) => m.id);
      expect(truth.length).toBeGreaterThan(0);
      expect(idsIn(fileOf(files, threadId))).toEqual(truth);
    }
    const [original] = await emulator.messages({ token: run.token });
    const names = original?.attachments.map((a) => a.filename) ?? [];
    expect(names).toContain("files.md");
    expect(names.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(original?.embeds)).toContain("2 more files");
  });

  it("a forum: its posts (threads) are exported, the forum itself has no messages", async () => {
    const forumId = freshId();
    const guildId = freshId();
    const seeded = await emulator.seedHistory(forumId, {
      count: 0,
      guildId,
      channelType: 15,
      threads: 3,
      name: "help-forum",
    });
    const run = await runExport({ target: forumId, guildId, options: { format: "json" } });
    expect((await finished(run)).status).toBe("completed");
    const files = await exportFiles(run.workflowId);
    expect(files.size).toBe(3);
    for (const threadId of seeded.threadIds)
      expect(idsIn(fileOf(files, threadId))).toEqual((await truthOf(threadId)).map((m) => m.id));
  });

  it("partition: files of N messages that together hold the channel once, in order", async () => {
    const { channelId, guildId } = await seededChannel(1_200, { seed: 4 });
    const run = await runExport({
      target: channelId,
      guildId,
      options: { format: "json", partition: 500 },
    });
    expect((await finished(run)).status).toBe("completed");
    const files = await exportFiles(run.workflowId);
    const parts = [1, 2, 3].map((n) => files.get(`general-${channelId}-part-${n}.json`) ?? "");
    expect(files.size).toBe(3);
    const counts = parts.map((text) => idsIn(text).length);
    expect(counts.slice(0, 2)).toEqual([500, 500]);
    const truth = (await truthOf(channelId)).map((m) => m.id);
    expect(parts.flatMap(idsIn)).toEqual(truth.slice(0, parts.flatMap(idsIn).length));
    expect(truth.length - parts.flatMap(idsIn).length).toBeLessThanOrEqual(2); // bot notices
  });
});
