// What a Discord client would show for one message, as indented plain text.
import type { EmulatedMessage } from "../emulator-client.ts";

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const MAX_DESCRIPTION_LINES = 12;

interface EmbedView {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text?: string };
}

interface ComponentView {
  type?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  components?: ComponentView[];
}

function clip(text: string, lines: number): string[] {
  const all = text.split("\n");
  return all.length <= lines
    ? all
    : [...all.slice(0, lines), `… (${all.length - lines} more lines)`];
}

function buttons(components: unknown[]): string[] {
  const labels: string[] = [];
  const walk = (items: ComponentView[]) => {
    for (const item of items) {
      const target = item.custom_id ?? item.url;
      if (item.type === 2)
        labels.push(`[${item.label ?? "button"}]${target ? ` (${target})` : ""}`);
      if (item.components) walk(item.components);
    }
  };
  walk(components as ComponentView[]);
  return labels;
}

/** Where the message lives and who sent it, in a few words. */
export function messagePlace(message: EmulatedMessage, dmChannels: ReadonlySet<string>): string {
  const where = dmChannels.has(message.channel_id) ? "DM" : `#${message.channel_id.slice(-6)}`;
  const via: Record<EmulatedMessage["source"], string> = {
    interaction: "reply",
    followup: "follow-up",
    webhook: "channel webhook",
    bot: "bot message",
    dm: "bot DM",
  };
  const ephemeral = message.flags & EPHEMERAL ? ", only you can see this" : "";
  return `${where} · ${via[message.source]}${ephemeral}`;
}

export function renderMessage(message: EmulatedMessage): string[] {
  if (message.flags & LOADING) return ["(the bot is thinking…)"];
  const lines = message.content ? clip(message.content, MAX_DESCRIPTION_LINES) : [];
  for (const embed of message.embeds as EmbedView[]) {
    if (embed.title) lines.push(`┃ ${embed.title}`);
    if (embed.description)
      lines.push(...clip(embed.description, MAX_DESCRIPTION_LINES).map((line) => `┃ ${line}`));
    for (const field of embed.fields ?? []) {
      const [first = "", ...rest] = field.value.split("\n");
      lines.push(`┃ ${field.name}: ${first}`, ...rest.map((line) => `┃   ${line}`));
    }
    if (embed.footer?.text) lines.push(`┃ — ${embed.footer.text}`);
  }
  for (const attachment of message.attachments)
    lines.push(`📎 ${attachment.filename} (${attachment.size} bytes)`);
  const labels = buttons(message.components);
  if (labels.length > 0) lines.push(labels.join(" "));
  return lines.length > 0 ? lines : ["(empty)"];
}

const WORKFLOW_ID =
  /workflow[ :]+`?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** The workflow a progress or result message belongs to. */
export function workflowIdIn(message: EmulatedMessage): string | null {
  const footers = (message.embeds as EmbedView[]).map((e) => e.footer?.text ?? "");
  for (const text of [message.content, ...footers]) {
    const match = WORKFLOW_ID.exec(text);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** The final result: an embed whose footer names the workflow (progress messages have none). */
export function isFinalResultOf(message: EmulatedMessage, workflowId: string): boolean {
  return (message.embeds as EmbedView[]).some((e) => e.footer?.text === `workflow ${workflowId}`);
}
