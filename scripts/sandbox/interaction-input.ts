// Turns what the user typed (`/autointel url:https://… depth:quick`, or a button click) into the
// partial interaction the emulator fills in, signs and sends like Discord.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { loadCommandDefinitions } from "../../src/command-definitions-loader.ts";

export interface Actor {
  userId: string;
  guildId: string;
  channelId: string;
  /** The user's and the server's Discord locale, e.g. "de" (the bot answers in it). */
  locale: string;
}

type OptionValue = string | number | boolean;

export type ParsedInput =
  | { kind: "command"; name: string; options: { name: string; type: number; value: OptionValue }[] }
  | { kind: "click"; customId: string };

const commandDefinitions = await loadCommandDefinitions();

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const NUMBER = 10;

function optionType(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody | undefined,
  name: string,
): number {
  const option = definition?.options?.find((o) => o.name === name);
  if (option) return option.type;
  // A command the bot's list does not know (a test or bench workflow): every option a string.
  return STRING;
}

function typedValue(type: number, raw: string, name: string): OptionValue {
  if (type === INTEGER || type === NUMBER) {
    const value = Number(raw);
    if (!Number.isFinite(value) || (type === INTEGER && !Number.isInteger(value)))
      throw new Error(`option ${name} must be ${type === INTEGER ? "an integer" : "a number"}`);
    return value;
  }
  if (type === BOOLEAN) {
    if (raw !== "true" && raw !== "false") throw new Error(`option ${name} must be true or false`);
    return raw === "true";
  }
  return raw;
}

/** `["/autointel", "url:https://x", "depth:quick"]` → the command and its typed options. */
export function parseCommand(words: string[]): ParsedInput {
  const [first, ...rest] = words;
  if (!first?.startsWith("/") || first.length < 2)
    throw new Error('expected a slash command, e.g. "/ping" or "/autointel url:https://…"');
  const name = first.slice(1);
  const definition = commandDefinitions.find((c) => c.name === name);
  const options = rest.map((word) => {
    const colon = word.indexOf(":");
    if (colon < 1) throw new Error(`options are name:value, got "${word}"`);
    const optionName = word.slice(0, colon);
    const type = optionType(definition, optionName);
    return { name: optionName, type, value: typedValue(type, word.slice(colon + 1), optionName) };
  });
  return { kind: "command", name, options };
}

export function describeInput(input: ParsedInput): string {
  if (input.kind === "click") return `click ${input.customId}`;
  return [`/${input.name}`, ...input.options.map((o) => `${o.name}:${String(o.value)}`)].join(" ");
}

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

function snowflakeNow(): string {
  return ((BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n).toString();
}

/** The part of the interaction Discord would fill from the command; the emulator adds the rest. */
export function partialInteraction(
  input: ParsedInput,
  actor: Actor,
  sourceMessageId: string | null,
): Record<string, unknown> {
  const context = {
    locale: actor.locale,
    guild_locale: actor.locale,
    guild_id: actor.guildId,
    channel_id: actor.channelId,
    channel: { id: actor.channelId, type: 0 },
    member: { user: { id: actor.userId, username: "sandbox-user", global_name: "Sandbox User" } },
  };
  if (input.kind === "click") {
    return {
      type: 3,
      ...context,
      message: { id: sourceMessageId ?? "0", channel_id: actor.channelId },
      data: { custom_id: input.customId, component_type: 2 },
    };
  }
  return {
    type: 2,
    ...context,
    data: { id: snowflakeNow(), name: input.name, type: 1, options: input.options },
  };
}
