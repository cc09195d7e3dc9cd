import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { embedTextLength, MessageLimits as Limits } from "./message-limits.ts";
import { splitText, truncate } from "./text.ts";

/** A message's text parts, each within Discord's limits. */
export interface MessageParts {
  content?: string;
  embeds?: APIEmbed[];
}

// Discord rejects an empty field name or value; a zero-width space renders as nothing.
const BLANK = "\u200b";

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: truncate(field.name, Limits.fieldName) || BLANK,
    value: truncate(field.value, Limits.fieldValue) || BLANK,
  };
}

/** Cuts every text part of `embed` to its own limit (fields are left to `splitEmbed`). */
function fitParts(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = truncate(embed.title, Limits.title);
  if (embed.description !== undefined) {
    fitted.description = truncate(embed.description, Limits.description);
  }
  if (embed.footer)
    fitted.footer = { ...embed.footer, text: truncate(embed.footer.text, Limits.footer) };
  if (embed.author)
    fitted.author = { ...embed.author, name: truncate(embed.author.name, Limits.author) };
  return fitted;
}

/** Title, author, description and footer together fit in 6000: the description gives way first. */
function fitHead(head: APIEmbed): APIEmbed {
  const over = embedTextLength(head) - Limits.embedTotal;
  if (over <= 0 || head.description === undefined) return head;
  const description = truncate(head.description, Math.max(0, head.description.length - over));
  return { ...head, description };
}

/**
 * One embed as one or more embeds that each respect every per-embed limit and the 6000 total:
 * fields past 25, or past the text budget, continue in embeds of the same colour.
 */
export function splitEmbed(embed: APIEmbed): APIEmbed[] {
  const { fields = [], ...rest } = fitParts(embed);
  const head = fitHead(rest);
  const out: APIEmbed[] = [];
  let current: APIEmbed = head;
  let currentFields: APIEmbedField[] = [];
  let used = embedTextLength(head);
  for (const field of fields.map(fitField)) {
    const length = field.name.length + field.value.length;
    if (currentFields.length === Limits.fields || used + length > Limits.embedTotal) {
      out.push(currentFields.length > 0 ? { ...current, fields: currentFields } : current);
      current = embed.color === undefined ? {} : { color: embed.color };
      currentFields = [];
      used = 0;
    }
    currentFields.push(field);
    used += length;
  }
  out.push(currentFields.length > 0 ? { ...current, fields: currentFields } : current);
  return out;
}

/** Groups embeds in order into messages of at most 10 embeds and 6000 characters. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let group: APIEmbed[] = [];
  let used = 0;
  for (const embed of embeds.flatMap(splitEmbed)) {
    const length = embedTextLength(embed);
    if (group.length === Limits.embeds || (group.length > 0 && used + length > Limits.embedTotal)) {
      groups.push(group);
      group = [];
      used = 0;
    }
    group.push(embed);
    used += length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * As many messages as it takes to send `parts` without breaking a limit: content in pieces of
 * 2000, embeds packed after it. The first embed group rides with the last piece of content.
 */
export function buildMessages(parts: MessageParts): MessageParts[] {
  const messages: MessageParts[] = splitText(parts.content ?? "", Limits.content).map(
    (content) => ({
      content,
    }),
  );
  const groups = packEmbeds(parts.embeds ?? []);
  const last = messages.at(-1);
  const first = groups.shift();
  if (first !== undefined && last !== undefined) last.embeds = first;
  else if (first !== undefined) messages.push({ embeds: first });
  for (const group of groups) messages.push({ embeds: group });
  return messages;
}

/** One message's worth of `parts`: content and every embed text cut to fit, extra embeds dropped. */
export function truncateMessage(parts: MessageParts): MessageParts {
  const out: MessageParts = {};
  if (parts.content !== undefined) out.content = truncate(parts.content, Limits.content);
  const first = packEmbeds(parts.embeds ?? [])[0];
  if (first !== undefined) out.embeds = first;
  return out;
}

export interface LongTextOptions {
  title?: string;
  color?: number;
  footer?: string;
}

/**
 * Long text as embeds: description pieces of 4096, the title on the first embed and the footer
 * on the last. Pass the result to `buildMessages` to spread it over messages.
 */
export function textToEmbeds(text: string, options: LongTextOptions = {}): APIEmbed[] {
  const pieces = splitText(text, Limits.description);
  if (pieces.length === 0) pieces.push(BLANK);
  return pieces.map((description, index) => {
    const embed: APIEmbed = { description };
    if (options.color !== undefined) embed.color = options.color;
    if (index === 0 && options.title !== undefined) embed.title = options.title;
    if (index === pieces.length - 1 && options.footer !== undefined) {
      embed.footer = { text: options.footer };
    }
    return embed;
  });
}
