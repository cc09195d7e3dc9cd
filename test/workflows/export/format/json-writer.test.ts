import { describe, expect, it } from "vitest";
import { exportWriter } from "../../../../src/workflows/export/format/export-writer.ts";
import { readDceExport } from "./dce-json-reader.ts";
import {
  ALICE,
  BOB,
  CONTEXT,
  featureMessages,
  HOSTILE_TEXTS,
  plainMessages,
  writeFile,
} from "./fixture.ts";

const json = exportWriter("json");

describe("the JSON export, read as DiscordChatExporter's format", () => {
  const messages = featureMessages();
  const file = writeFile(json, messages);
  const exported = readDceExport(file);

  it("has DCE's keys, in its order, with its types, and the messages one to one", () => {
    expect(exported.messageCount).toBe(messages.length);
    expect(exported.messages.map((m) => m.id)).toEqual(messages.map((m) => m.id));
    expect(exported.messages.map((m) => m.author.id)).toEqual(messages.map((m) => m.author.id));
    expect(exported.messages.map((m) => m.author.name)).toEqual(
      messages.map((m) => m.author.username),
    );
    const normal = messages.filter((m) => m.type === 0 || m.type === 19);
    const byId = new Map(exported.messages.map((m) => [m.id, m]));
    for (const m of normal) expect(byId.get(m.id)?.content).toBe(m.content);
  });

  it("keeps every hostile text exactly, as data", () => {
    const contents = new Set(exported.messages.map((m) => m.content));
    // Named by JSON.stringify, which escapes lone surrogates the test runner cannot print.
    const missing = HOSTILE_TEXTS.filter((text) => !contents.has(text)).map((t) =>
      JSON.stringify(t),
    );
    expect(missing).toEqual([]);
  });

  it("writes the preamble as DCE does: guild, channel kind and parent, date range, times", () => {
    expect(exported.guild).toEqual({
      id: CONTEXT.guild?.id,
      name: CONTEXT.guild?.name,
      iconUrl: CONTEXT.guild?.iconUrl,
    });
    expect(exported.channel).toEqual({
      id: CONTEXT.channel.id,
      type: "GuildTextChat",
      categoryId: "800000000000000001",
      category: 'Text "Channels"',
      name: "general",
      topic: CONTEXT.channel.topic,
    });
    expect(exported.dateRange).toEqual({ after: "2024-01-01T00:00:00+00:00", before: null });
    expect(exported.exportedAt).toBe("2024-03-02T00:00:00+00:00");
  });

  it("spells kinds, times, users, replies, reactions and system messages as DCE does", () => {
    const [first, , reply, files, withEmbed, joined] = exported.messages;
    expect(first?.type).toBe("Default");
    expect(first?.timestamp).toBe("2024-03-01T12:00:00+00:00");
    expect(first?.mentions.map((u) => u.id)).toEqual([BOB.id]);
    expect(first?.author).toMatchObject({
      nickname: "Alice A.",
      discriminator: "0000",
      isBot: false,
      avatarUrl: `https://cdn.discordapp.com/avatars/${ALICE.id}/abc.png?size=512`,
    });
    expect(reply).toMatchObject({
      type: "Reply",
      isPinned: true,
      timestampEdited: "2024-03-01T13:00:00.123+00:00",
    });
    expect(reply?.reference).toEqual({
      type: "Default",
      messageId: first?.id,
      channelId: "200000000000000001",
      guildId: null,
    });
    expect(files?.author).toMatchObject({ discriminator: "1234", name: "carol<script>" });
    expect(files?.attachments[1]).toMatchObject({ fileName: 'notes, "v2".txt', fileSizeBytes: 12 });
    expect(files?.reactions.map((r) => [r.emoji.id, r.emoji.name, r.count])).toEqual([
      ["", "👍", 3],
      ["400000000000000001", "party", 1],
    ]);
    expect(withEmbed?.embeds[0]).toMatchObject({
      title: "Embed **title**",
      color: "#5865F2",
      fields: [
        { name: "Field", value: "Value", isInline: true },
        { name: "Other", value: "`x`", isInline: false },
      ],
      inlineEmojis: [{ id: "600000000000000001", name: "blob", code: "blob", isAnimated: false }],
    });
    expect(joined).toMatchObject({ type: "GuildMemberJoin", content: "Joined the server." });
  });

  it("writes calls, forwarded messages and command replies as DCE does", () => {
    const [first] = messages;
    if (!first) throw new Error("no fixture message");
    const call = {
      ...first,
      id: "1",
      type: 3,
      call: { participants: [], ended_timestamp: "2024-03-01T12:30:00+00:00" },
    };
    const forward = {
      ...first,
      id: "2",
      message_reference: { type: 1, message_id: "9", channel_id: "8", guild_id: "7" },
      message_snapshots: [
        { message: { ...first, content: "forwarded **text**", edited_timestamp: null } },
      ],
    };
    const command = {
      ...first,
      id: "3",
      type: 20,
      interaction: { id: "5", type: 2, name: "export", user: BOB },
    };
    const read = readDceExport(writeFile(json, [call, forward, command] as typeof messages));
    expect(read.messages[0]).toMatchObject({
      type: "Call",
      callEndedTimestamp: "2024-03-01T12:30:00+00:00",
      content: "Started a call that lasted 30 minutes.",
    });
    expect(read.messages[1]?.reference).toEqual({
      type: "Forward",
      messageId: "9",
      channelId: "8",
      guildId: "7",
    });
    expect(read.messages[1]).toMatchObject({
      forwardedMessage: { content: "forwarded **text**", timestampEdited: null },
    });
    expect(read.messages[2]).toMatchObject({
      type: "20",
      interaction: { id: "5", name: "export", user: { id: BOB.id } },
    });
  });

  it("gives the same bytes whether the messages come in one batch or in many", () => {
    for (const sizes of [[1], [2, 5], [7, 1, 3], [100]]) {
      expect(writeFile(json, messages, sizes)).toBe(file);
    }
  });

  it("is valid with no messages, and in a DM uses DCE's Direct Messages guild", () => {
    const empty = readDceExport(writeFile(json, [], [1], { ...CONTEXT, guild: null }));
    expect(empty.messages).toEqual([]);
    expect(empty.messageCount).toBe(0);
    expect(empty.guild).toMatchObject({ id: "0", name: "Direct Messages" });
  });

  it("writes 1,000 messages in any batching as one parseable document", () => {
    const many = plainMessages(1000);
    const text = writeFile(json, many, [100, 37]);
    expect(readDceExport(text).messages.map((m) => m.content)).toEqual(many.map((m) => m.content));
    expect(text).toBe(writeFile(json, many));
  });
});
