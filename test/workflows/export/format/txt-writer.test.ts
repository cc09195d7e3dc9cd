import { describe, expect, it } from "vitest";
import { fullNameOf, readableUtcTime } from "../../../../src/workflows/export/format/dce-model.ts";
import { exportWriter } from "../../../../src/workflows/export/format/export-writer.ts";
import { CONTEXT, featureMessages, plainMessages, writeFile } from "./fixture.ts";

const txt = exportWriter("txt");
const RULE = "=".repeat(62);

describe("the plain-text export, laid out as DiscordChatExporter's", () => {
  const messages = featureMessages();
  const file = writeFile(txt, messages);

  it("opens with the ruled preamble and closes with the ruled count", () => {
    expect(
      file.startsWith(
        `${RULE}\nGuild: Test <Guild> & co\nChannel: Text "Channels" / general\n` +
          `Topic: ${CONTEXT.channel.topic}\nAfter: 2024-01-01 00:00 UTC\nFilter: ${CONTEXT.filter}\n${RULE}\n\n`,
      ),
    ).toBe(true);
    expect(file.endsWith(`${RULE}\nExported ${messages.length} message(s)\n${RULE}\n`)).toBe(true);
  });

  it("has every message once, in order: its header line, then its text as written", () => {
    let at = 0;
    for (const message of messages) {
      const header = `[${readableUtcTime(message.timestamp)}] ${fullNameOf(message.author)}`;
      const found = file.indexOf(`\n${header}`, at);
      expect(found, message.id).toBeGreaterThanOrEqual(at);
      const line = file.indexOf("\n", found + 1) + 1;
      const shown = message.type === 7 ? "Joined the server." : message.content;
      expect(file.startsWith(`${shown}\n`, line), message.id).toBe(true);
      at = line + shown.length;
    }
  });

  it("writes pins, attachments, embeds, stickers and reactions in DCE's blocks", () => {
    expect(file).toContain("] bob (pinned)\nreplying\n");
    expect(file).toContain(
      "{Attachments}\nhttps://cdn.discordapp.com/attachments/1/2/cat.png\nhttps://cdn.discordapp.com/attachments/1/3/notes.txt\n\n",
    );
    expect(file).toContain(
      "{Stickers}\nhttps://cdn.discordapp.com/stickers/500000000000000001.png\n\n",
    );
    expect(file).toContain("{Reactions}\n👍 (3) party\n");
    expect(file).toContain(
      "{Embed}\nAuthor\nhttps://example.com/page\nEmbed **title**\nDescription with <:blob:600000000000000001> and [a link](https://example.com)\nField\nValue\nOther\n`x`\nhttps://example.com/thumb.png\nhttps://example.com/image.png\nFooter\n\n",
    );
  });

  it("gives the same bytes whether the messages come in one batch or in many", () => {
    for (const sizes of [[1], [4, 9]]) expect(writeFile(txt, messages, sizes)).toBe(file);
    const many = plainMessages(300);
    expect(writeFile(txt, many, [13])).toBe(writeFile(txt, many));
  });
});
