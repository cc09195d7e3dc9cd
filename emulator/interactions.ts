// Interactions and their tokens: lifetime, acknowledgement, the @original message.
import type { Emulator } from "./context.ts";
import {
  alreadyAcknowledged,
  invalidWebhookToken,
  unknownInteraction,
  unknownWebhook,
} from "./discord-errors.ts";
import type { ApiResponse, UploadedFile } from "./http-types.ts";
import {
  createMessage,
  FLAG_EPHEMERAL,
  FLAG_LOADING,
  MESSAGE_TYPE_CHAT_INPUT,
} from "./messages.ts";
import { randomToken } from "./snowflake.ts";
import type { InteractionRecord, StoredMessage } from "./state.ts";

/** Discord invalidates an interaction that gets no initial response within 3 seconds. */
export const INITIAL_RESPONSE_MS = 3000;

export type NewInteraction = {
  id?: string;
  token?: string;
  applicationId?: string;
  channelId?: string;
  guildId?: string | null;
  userId?: string;
  type?: number;
  ttlMs?: number;
  sourceMessageId?: string | null;
  attachmentSizeLimit?: number;
};

export function registerInteraction(emulator: Emulator, spec: NewInteraction): InteractionRecord {
  const { state, config } = emulator;
  const now = Date.now();
  const record: InteractionRecord = {
    id: spec.id ?? state.nextId(),
    token: spec.token ?? `aW50ZXJhY3Rpb24${randomToken()}`,
    applicationId: spec.applicationId ?? config.applicationId,
    channelId: spec.channelId ?? state.nextId(),
    guildId: spec.guildId === undefined ? state.nextId() : spec.guildId,
    userId: spec.userId ?? state.nextId(),
    type: spec.type ?? 2,
    createdAt: now,
    expiresAt: now + (spec.ttlMs ?? config.tokenTtlMs),
    respondBy: now + INITIAL_RESPONSE_MS,
    acknowledged: false,
    originalMessageId: null,
    sourceMessageId: spec.sourceMessageId ?? null,
    attachmentSizeLimit: spec.attachmentSizeLimit ?? config.maxFileBytes,
  };
  if (record.guildId) state.channelGuilds.set(record.channelId, record.guildId);
  state.interactions.set(record.token, record);
  return record;
}

/** A type-5 answer: the "thinking…" original, LOADING until its first edit. */
export function deferOriginal(
  emulator: Emulator,
  interaction: InteractionRecord,
  flags: number,
): StoredMessage {
  const message = createInteractionMessage(emulator, interaction, "interaction", {
    flags: FLAG_LOADING | (flags & FLAG_EPHEMERAL),
  });
  interaction.originalMessageId = message.id;
  interaction.acknowledged = true;
  return message;
}

export function createInteractionMessage(
  emulator: Emulator,
  interaction: InteractionRecord,
  source: "interaction" | "followup",
  payload: Record<string, unknown>,
  files: UploadedFile[] = [],
): StoredMessage {
  const { state } = emulator;
  return createMessage(
    state,
    {
      channelId: interaction.channelId,
      author: state.botUser,
      source,
      type: source === "interaction" ? MESSAGE_TYPE_CHAT_INPUT : undefined,
      applicationId: interaction.applicationId,
      interactionToken: interaction.token,
    },
    { payload, files },
  );
}

export type Resolved =
  | { ok: true; interaction: InteractionRecord }
  | { ok: false; response: ApiResponse };

/** The interaction behind `/webhooks/{app}/{token}`: 404 10015 if never issued, 401 50027 if expired. */
export function resolveToken(emulator: Emulator, applicationId: string, token: string): Resolved {
  const interaction = emulator.state.interactions.get(token);
  if (!interaction || interaction.applicationId !== applicationId) {
    return { ok: false, response: unknownWebhook() };
  }
  if (Date.now() >= interaction.expiresAt) return { ok: false, response: invalidWebhookToken() };
  return { ok: true, interaction };
}

/** Webhook routes work only once the interaction has been answered. */
export function resolveAnsweredToken(
  emulator: Emulator,
  applicationId: string,
  token: string,
): Resolved {
  const resolved = resolveToken(emulator, applicationId, token);
  if (resolved.ok && !resolved.interaction.acknowledged) {
    return { ok: false, response: unknownWebhook() };
  }
  return resolved;
}

/** `/interactions/{id}/{token}/callback`: once, within the initial-response window. */
export function resolveCallback(
  emulator: Emulator,
  interactionId: string,
  token: string,
): Resolved {
  const interaction = emulator.state.interactions.get(token);
  if (!interaction) return { ok: false, response: unknownWebhook() };
  if (Date.now() >= interaction.expiresAt) return { ok: false, response: invalidWebhookToken() };
  if (interaction.id !== interactionId) return { ok: false, response: unknownInteraction() };
  if (interaction.acknowledged) return { ok: false, response: alreadyAcknowledged() };
  if (Date.now() > interaction.respondBy) return { ok: false, response: unknownInteraction() };
  return { ok: true, interaction };
}

export function expireInteraction(emulator: Emulator, token: string): boolean {
  const interaction = emulator.state.interactions.get(token);
  if (!interaction) return false;
  interaction.expiresAt = Math.min(interaction.expiresAt, Date.now());
  return true;
}
