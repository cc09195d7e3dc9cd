import type { APIEmbed } from "discord-api-types/v10";

/** Discord's message limits (docs: resources/message), in characters. */
export const MessageLimits = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All title, description, field, footer and author text across a message's embeds. */
  embedTotal: 6000,
} as const;

/** The parts of a message body the limits apply to. */
export interface MessageText {
  content?: string | null;
  embeds?: APIEmbed[] | null;
}

/** The characters of `embed` that count towards the 6000-per-message total. */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

function embedViolations(embed: APIEmbed, index: number): string[] {
  const found: string[] = [];
  const check = (what: string, length: number, max: number) => {
    if (length > max) found.push(`embeds[${index}].${what}: ${length} > ${max}`);
  };
  check("title", embed.title?.length ?? 0, MessageLimits.title);
  check("description", embed.description?.length ?? 0, MessageLimits.description);
  check("footer.text", embed.footer?.text.length ?? 0, MessageLimits.footer);
  check("author.name", embed.author?.name.length ?? 0, MessageLimits.author);
  const fields = embed.fields ?? [];
  check("fields", fields.length, MessageLimits.fields);
  fields.forEach((field, i) => {
    check(`fields[${i}].name`, field.name.length, MessageLimits.fieldName);
    check(`fields[${i}].value`, field.value.length, MessageLimits.fieldValue);
    if (field.name.length === 0 || field.value.length === 0) {
      found.push(`embeds[${index}].fields[${i}]: name and value must not be empty`);
    }
  });
  return found;
}

/** Every limit `body` breaks, described; empty when Discord would accept its text. */
export function messageLimitViolations(body: MessageText): string[] {
  const found: string[] = [];
  const content = body.content?.length ?? 0;
  if (content > MessageLimits.content) found.push(`content: ${content} > ${MessageLimits.content}`);
  const embeds = body.embeds ?? [];
  if (embeds.length > MessageLimits.embeds) {
    found.push(`embeds: ${embeds.length} > ${MessageLimits.embeds}`);
  }
  embeds.forEach((embed, i) => {
    found.push(...embedViolations(embed, i));
  });
  const total = embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0);
  if (total > MessageLimits.embedTotal) {
    found.push(`embed text total: ${total} > ${MessageLimits.embedTotal}`);
  }
  return found;
}

/** Whether `body` fits in one message; when a result does not, send it as a file instead. */
export function fitsInMessage(body: MessageText): boolean {
  return messageLimitViolations(body).length === 0;
}
