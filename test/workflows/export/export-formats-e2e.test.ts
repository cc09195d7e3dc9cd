import { parse } from "csv-parse/browser/esm/sync";
import type { APIMessage } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { messageMatches, parseMessageFilter } from "../../../src/workflows/export/filter.ts";
import { shownContent } from "../../../src/workflows/export/format/dce-model.ts";
import { parseMessageBound } from "../../../src/workflows/export/message-bound.ts";
import { emulator } from "../../helpers/emulator.ts";
import { exportFiles, finished, runExport, seededChannel, truthOf } from "./export-harness.ts";
import { readDceExport } from "./format/dce-json-reader.ts";

const FILTER = "has:attachment";

function boundId(text: string): string {
  const bound = parseMessageBound(text);
  if (!bound.ok) throw new Error(bound.problem);
  return bound.id;
}

/** What an export with these bounds and filter must hold, oldest first. */
function expected(truth: APIMessage[], after: string, before: string, filter: string | null) {
  const [afterId, beforeId] = [BigInt(boundId(after)), BigInt(boundId(before))];
  const parsed = filter ? parseMessageFilter(filter) : null;
  if (parsed && !parsed.ok) throw new Error(parsed.error.key);
  return truth.filter(
    (m) =>
      BigInt(m.id) > afterId &&
      BigInt(m.id) < beforeId &&
      (!parsed?.ok || messageMatches(parsed.filter, m)),
  );
}

describe("/export of a seeded channel, in each format, with bounds and a filter", () => {
  it.each(["json", "csv", "html", "txt"] as const)(
    "%s: the file holds exactly the messages in range that match, in order",
    async (format) => {
      const { channelId, guildId } = await seededChannel(1_200, { seed: 23 });
      const truth = await truthOf(channelId);
      // after: a message link; before: a date (midnight UTC, exclusive).
      const after = `https://discord.com/channels/${guildId}/${channelId}/${truth[100]?.id}`;
      const before = (truth[1_000] as APIMessage).timestamp.slice(0, 10);
      const filter = format === "json" ? FILTER : null;
      const want = expected(truth, after, before, filter);
      expect(want.length).toBeGreaterThan(format === "json" ? 5 : 500);

      const run = await runExport({
        target: channelId,
        guildId,
        options: { format, after, before, ...(filter ? { filter } : {}) },
      });
      expect(run.reply.type, JSON.stringify(run.reply)).toBe(5);
      const done = await finished(run);
      expect(done.status, JSON.stringify(done)).toBe("completed");

      const files = await exportFiles(run.workflowId);
      expect([...files.keys()]).toEqual([`general-${channelId}.${format}`]);
      const text = files.get(`general-${channelId}.${format}`) as string;
      if (format === "json") {
        const read = readDceExport(text);
        expect(read.messages.map((m) => m.id)).toEqual(want.map((m) => m.id));
        expect(read.messages.map((m) => m.author.id)).toEqual(want.map((m) => m.author.id));
        expect(read.messages.map((m) => m.content)).toEqual(want.map(shownContent));
        expect(read.channel.id).toBe(channelId);
      } else if (format === "csv") {
        const [header, ...rows] = parse(text, { bom: false }) as string[][];
        expect(header?.[0]).toBe("AuthorID");
        expect(rows.map((row) => row[0])).toEqual(want.map((m) => m.author.id));
        // Formula-looking text is defused with a leading apostrophe, as DCE does not but should.
        const contents = rows.map((row) => String(row[3]).replace(/^'(?=[=+\-@\t\r])/, ""));
        expect(contents).toEqual(want.map(shownContent));
      } else if (format === "html") {
        const ids = [...text.matchAll(/ id="m-(\d+)" data-author-id="(\d+)"/g)];
        expect(ids.map((match) => match[1])).toEqual(want.map((m) => m.id));
        expect(ids.map((match) => match[2])).toEqual(want.map((m) => m.author.id));
        expect(text).not.toContain("<script>alert");
      } else {
        expect(text).toContain(`Exported ${want.length.toLocaleString("en-US")} message(s)`);
        let at = 0;
        for (const message of want) {
          const found = text.indexOf(shownContent(message), at);
          expect(found, message.id).toBeGreaterThanOrEqual(at);
          at = found;
        }
      }
      // The result says what was exported; the file is attached (it fits 10 MiB).
      const [original] = await emulator.messages({ token: run.token });
      expect(original?.attachments.map((a) => a.filename)).toContain(
        `general-${channelId}.${format}`,
      );
      const embed = original?.embeds[0] as { fields?: { name: string; value: string }[] };
      const fields = embed?.fields;
      expect(fields?.find((f) => f.name === "Messages")?.value).toBe(
        want.length.toLocaleString("en-US"),
      );
    },
  );
});
