// The optional parts of a seeded message (attachments, embeds, reactions, stickers), each drawn
// from the message's own generator so that any message can be rebuilt alone.
import type { JsonObject } from "../json.ts";
import { CUSTOM_EMOJI, FILES, HOSTILE, UNICODE_EMOJI } from "./corpus.ts";
import type { Random } from "./prng.ts";

export function seededAttachments(
  random: Random,
  messageId: string,
  channelId: string,
  origin: string,
): JsonObject[] {
  const count = 1 + random.int(2);
  const attachments: JsonObject[] = [];
  for (let k = 0; k < count; k++) {
    const file = random.pick(FILES);
    const id = (BigInt(messageId) + BigInt(k + 1)).toString();
    const url = `${origin}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    const attachment: JsonObject = {
      id,
      filename: file.filename,
      size: 1024 + random.int(8 * 1024 * 1024),
      url,
      proxy_url: url,
      content_type: file.content_type,
    };
    if (file.width !== undefined) {
      attachment.width = file.width;
      attachment.height = file.height;
    }
    attachments.push(attachment);
  }
  return attachments;
}

export function seededEmbed(random: Random, index: number): JsonObject {
  const hostile = random.chance(0.3);
  const title = hostile ? HOSTILE[index % HOSTILE.length] : `Build #${index} finished`;
  const embed: JsonObject = {
    type: "rich",
    title,
    description: hostile
      ? "**bold** <b>not html</b> [link](https://example.com)"
      : "All checks passed.\n`npm test` took 42 s.",
    url: `https://example.com/builds/${index}`,
    color: random.pick([0x5865f2, 0x57f287, 0xed4245, 0xfee75c]),
    fields: [
      { name: "Branch", value: "main", inline: true },
      { name: "Result", value: hostile ? "=1+1" : "✅ passed", inline: true },
    ],
    author: { name: "CI", url: "https://example.com/ci", icon_url: "https://example.com/ci.png" },
    footer: { text: "footer <i>text</i>", icon_url: "https://example.com/f.png" },
    timestamp: new Date(1_700_000_000_000 + index * 1000).toISOString(),
  };
  if (random.chance(0.5)) {
    embed.thumbnail = {
      url: "https://example.com/thumb.png",
      proxy_url: "https://example.com/thumb.png",
      width: 80,
      height: 80,
    };
  }
  return embed;
}

export function seededReactions(random: Random): JsonObject[] {
  const count = 1 + random.int(3);
  const reactions: JsonObject[] = [];
  const used = new Set<string>();
  for (let k = 0; k < count; k++) {
    const custom = random.chance(0.3) ? random.pick(CUSTOM_EMOJI) : null;
    const emoji: JsonObject = custom
      ? { id: custom.id, name: custom.name, animated: custom.animated }
      : { id: null, name: random.pick(UNICODE_EMOJI) };
    const key = String(emoji.id ?? emoji.name);
    if (used.has(key)) continue;
    used.add(key);
    const n = 1 + random.int(12);
    reactions.push({
      emoji,
      count: n,
      count_details: { burst: 0, normal: n },
      burst_colors: [],
      me_burst: false,
      burst_me: false,
      me: false,
      burst_count: 0,
    });
  }
  return reactions;
}

export function seededSticker(random: Random): JsonObject {
  return random.chance(0.5)
    ? { id: "600000000000000001", name: "Wave", format_type: 1 }
    : { id: "600000000000000002", name: "Dance <3", format_type: 3 };
}
