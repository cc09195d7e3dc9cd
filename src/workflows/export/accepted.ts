// What /export's options accept: read by the parsers and by the sentences (catalog messages, in
// every language) that tell a user what is accepted, so both name the same values. No imports:
// the catalog reads it.

export type ExportFormat = "html" | "json" | "csv" | "txt";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["html", "json", "csv", "txt"];

/** `has:` in a filter (DiscordChatExporter's MessageContentMatchKind). */
export const HAS_KINDS = [
  "attachment",
  "file",
  "link",
  "embed",
  "image",
  "video",
  "sound",
  "sticker",
  "pin",
] as const;
export type HasKind = (typeof HAS_KINDS)[number];

/** How many messages one file of a partitioned export holds. */
export const MIN_PARTITION = 100;
export const MAX_PARTITION = 1_000_000;
