// A reader of DiscordChatExporter's JSON export written against its source
// (DiscordChatExporter.Core/Exporting/JsonMessageWriter.cs and Discord/Data/*.cs), as a tool built
// for DCE's files would read them: it checks every key's presence, order and type and fails on
// the first difference, naming the path.

type Kind = "string" | "number" | "boolean" | "string|null" | "number|null" | "array" | "object";

function kindOk(value: unknown, kind: Kind): boolean {
  if (kind === "array") return Array.isArray(value);
  if (kind === "object")
    return typeof value === "object" && value !== null && !Array.isArray(value);
  const [type, nullable] = kind.split("|");
  return (nullable === "null" && value === null) || typeof value === type;
}

/** Checks `value` has exactly these keys in this order (optional ones may be absent) and types. */
function shape(
  value: unknown,
  path: string,
  keys: readonly (readonly [key: string, kind: Kind, optional?: "optional"])[],
): Record<string, unknown> {
  if (!kindOk(value, "object")) throw new Error(`${path}: not an object`);
  const record = value as Record<string, unknown>;
  const expected = keys
    .filter(([key, , optional]) => !optional || key in record)
    .map(([key]) => key);
  const actual = Object.keys(record);
  if (expected.join(",") !== actual.join(",")) {
    throw new Error(`${path}: keys ${actual.join(",")} instead of ${expected.join(",")}`);
  }
  for (const [key, kind] of keys) {
    if (key in record && !kindOk(record[key], kind)) {
      throw new Error(`${path}.${key}: ${JSON.stringify(record[key])} is not ${kind}`);
    }
  }
  return record;
}

function each(list: unknown, path: string, read: (item: unknown, at: string) => unknown): void {
  (list as unknown[]).forEach((item, i) => {
    read(item, `${path}[${i}]`);
  });
}

export interface DceUser {
  id: string;
  name: string;
  discriminator: string;
  nickname: string;
  isBot: boolean;
  avatarUrl: string;
}

export interface DceMessage {
  id: string;
  type: string;
  timestamp: string;
  timestampEdited: string | null;
  isPinned: boolean;
  content: string;
  author: DceUser;
  attachments: { id: string; url: string; fileName: string; fileSizeBytes: number }[];
  embeds: Record<string, unknown>[];
  reactions: { emoji: { id: string; name: string; code: string }; count: number }[];
  mentions: DceUser[];
  reference?: { messageId: string | null; channelId: string | null; guildId: string | null };
}

export interface DceExport {
  guild: { id: string; name: string; iconUrl: string };
  channel: {
    id: string;
    type: string;
    categoryId: string | null;
    category: string | null;
    name: string;
    topic: string | null;
  };
  dateRange: { after: string | null; before: string | null };
  exportedAt: string;
  messages: DceMessage[];
  messageCount: number;
}

function user(value: unknown, path: string, withRoles = true): DceUser {
  const record = shape(value, path, [
    ["id", "string"],
    ["name", "string"],
    ["discriminator", "string"],
    ["nickname", "string"],
    ["color", "string|null"],
    ["isBot", "boolean"],
    ...(withRoles ? ([["roles", "array"]] as const) : []),
    ["avatarUrl", "string"],
  ]);
  return record as unknown as DceUser;
}

function emoji(value: unknown, path: string): void {
  shape(value, path, [
    ["id", "string"],
    ["name", "string"],
    ["code", "string"],
    ["isAnimated", "boolean"],
    ["imageUrl", "string"],
  ]);
}

function image(value: unknown, path: string): void {
  shape(value, path, [
    ["url", "string", "optional"],
    ["canonicalUrl", "string", "optional"],
    ["width", "number|null"],
    ["height", "number|null"],
  ]);
}

function embed(value: unknown, path: string): void {
  const record = shape(value, path, [
    ["title", "string"],
    ["url", "string|null"],
    ["timestamp", "string|null"],
    ["description", "string"],
    ["color", "string", "optional"],
    ["author", "object", "optional"],
    ["thumbnail", "object", "optional"],
    ["image", "object", "optional"],
    ["video", "object", "optional"],
    ["footer", "object", "optional"],
    ["images", "array"],
    ["fields", "array"],
    ["inlineEmojis", "array"],
  ]);
  for (const key of ["thumbnail", "image", "video"] as const) {
    if (record[key]) image(record[key], `${path}.${key}`);
  }
  each(record.images, `${path}.images`, image);
  each(record.fields, `${path}.fields`, (field, at) =>
    shape(field, at, [
      ["name", "string"],
      ["value", "string"],
      ["isInline", "boolean"],
    ]),
  );
  each(record.inlineEmojis, `${path}.inlineEmojis`, emoji);
}

function message(value: unknown, path: string): DceMessage {
  const record = shape(value, path, [
    ["id", "string"],
    ["type", "string"],
    ["timestamp", "string"],
    ["timestampEdited", "string|null"],
    ["callEndedTimestamp", "string|null"],
    ["isPinned", "boolean"],
    ["content", "string"],
    ["author", "object"],
    ["attachments", "array"],
    ["embeds", "array"],
    ["stickers", "array"],
    ["reactions", "array"],
    ["mentions", "array"],
    ["reference", "object", "optional"],
    ["forwardedMessage", "object", "optional"],
    ["interaction", "object", "optional"],
    ["inlineEmojis", "array"],
  ]);
  user(record.author, `${path}.author`);
  each(record.attachments, `${path}.attachments`, (item, at) =>
    shape(item, at, [
      ["id", "string"],
      ["url", "string"],
      ["fileName", "string"],
      ["fileSizeBytes", "number"],
    ]),
  );
  each(record.embeds, `${path}.embeds`, embed);
  each(record.stickers, `${path}.stickers`, (item, at) =>
    shape(item, at, [
      ["id", "string"],
      ["name", "string"],
      ["format", "string"],
      ["sourceUrl", "string"],
    ]),
  );
  each(record.reactions, `${path}.reactions`, (item, at) => {
    const reaction = shape(item, at, [
      ["emoji", "object"],
      ["count", "number"],
      ["users", "array"],
    ]);
    emoji(reaction.emoji, `${at}.emoji`);
  });
  each(record.mentions, `${path}.mentions`, (item, at) => user(item, at));
  if (record.reference) {
    shape(record.reference, `${path}.reference`, [
      ["type", "string"],
      ["messageId", "string|null"],
      ["channelId", "string|null"],
      ["guildId", "string|null"],
    ]);
  }
  each(record.inlineEmojis, `${path}.inlineEmojis`, emoji);
  return record as unknown as DceMessage;
}

/** The export, or an error naming the first field that differs from DCE's model. */
export function readDceExport(text: string): DceExport {
  const root = shape(JSON.parse(text), "$", [
    ["guild", "object"],
    ["channel", "object"],
    ["dateRange", "object"],
    ["exportedAt", "string"],
    ["messages", "array"],
    ["messageCount", "number"],
  ]);
  shape(root.guild, "$.guild", [
    ["id", "string"],
    ["name", "string"],
    ["iconUrl", "string"],
  ]);
  shape(root.channel, "$.channel", [
    ["id", "string"],
    ["type", "string"],
    ["categoryId", "string|null"],
    ["category", "string|null"],
    ["name", "string"],
    ["topic", "string|null"],
  ]);
  shape(root.dateRange, "$.dateRange", [
    ["after", "string|null"],
    ["before", "string|null"],
  ]);
  each(root.messages, "$.messages", message);
  return root as unknown as DceExport;
}
