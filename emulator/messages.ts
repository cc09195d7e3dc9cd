// Messages as Discord stores and returns them, and as the control API reports them.
import type { EmulatedMessage, MessageSource } from "./contract-types.ts";
import type { MessageBody, UploadedFile } from "./http-types.ts";
import { isObject, type JsonObject, numberField } from "./json.ts";
import type { EmulatorState, StoredAttachment, StoredAuthor, StoredMessage } from "./state.ts";

/** Discord message types: DEFAULT 0, CHAT_INPUT_COMMAND 20. */
export const MESSAGE_TYPE_DEFAULT = 0;
export const MESSAGE_TYPE_CHAT_INPUT = 20;
export const FLAG_EPHEMERAL = 1 << 6;
export const FLAG_LOADING = 1 << 7;

export type NewMessage = {
  channelId: string;
  author: StoredAuthor;
  source: MessageSource;
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interactionToken?: string;
};

export function createMessage(
  state: EmulatorState,
  meta: NewMessage,
  body: MessageBody,
): StoredMessage {
  const { payload } = body;
  const message: StoredMessage = {
    id: state.nextId(),
    type: meta.type ?? MESSAGE_TYPE_DEFAULT,
    channel_id: meta.channelId,
    content: typeof payload.content === "string" ? payload.content : "",
    embeds: normalizeEmbeds(payload.embeds),
    components: Array.isArray(payload.components) ? payload.components : [],
    attachments: newAttachments(state, payload, body.files),
    flags: numberField(payload, "flags") ?? 0,
    tts: payload.tts === true,
    author: meta.author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    edits: 0,
    source: meta.source,
  };
  if (meta.webhookId) message.webhook_id = meta.webhookId;
  if (meta.applicationId) message.application_id = meta.applicationId;
  if (meta.interactionToken) message.interaction_token = meta.interactionToken;
  const nonce = payload.nonce;
  if (typeof nonce === "string" || typeof nonce === "number") message.nonce = nonce;
  return state.storeMessage(message);
}

/** The message an edit would produce, without storing it (so an empty result can be refused). */
export function previewEdit(
  state: EmulatorState,
  message: StoredMessage,
  body: MessageBody,
): StoredMessage {
  const { payload } = body;
  const edited: StoredMessage = { ...message };
  if ("content" in payload)
    edited.content = typeof payload.content === "string" ? payload.content : "";
  if ("embeds" in payload) edited.embeds = normalizeEmbeds(payload.embeds);
  if ("components" in payload) {
    edited.components = Array.isArray(payload.components) ? payload.components : [];
  }
  const kept = Array.isArray(payload.attachments)
    ? message.attachments.filter((a) => keptIds(payload.attachments).has(a.id))
    : message.attachments;
  edited.attachments = [...kept, ...newAttachments(state, payload, body.files)];
  const flags = numberField(payload, "flags");
  // The LOADING flag of a deferred response goes away with the first edit.
  edited.flags = (flags ?? message.flags) & ~FLAG_LOADING;
  edited.edits = message.edits + 1;
  edited.edited_timestamp = new Date().toISOString();
  return edited;
}

export function storeEdit(state: EmulatorState, edited: StoredMessage): StoredMessage {
  return state.storeMessage(edited);
}

export function isEmptyStoredMessage(message: StoredMessage): boolean {
  return (
    message.content.trim() === "" &&
    message.embeds.length === 0 &&
    message.components.length === 0 &&
    message.attachments.length === 0
  );
}

function keptIds(attachments: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(attachments)) return ids;
  for (const entry of attachments) {
    if (isObject(entry) && (typeof entry.id === "string" || typeof entry.id === "number")) {
      ids.add(String(entry.id));
    }
  }
  return ids;
}

function normalizeEmbeds(embeds: unknown): unknown[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.map((embed: unknown) => (isObject(embed) ? { type: "rich", ...embed } : embed));
}

/** Uploaded files become attachments; `attachments[{id: n}]` in the payload names `files[n]`. */
function newAttachments(
  state: EmulatorState,
  payload: JsonObject,
  files: UploadedFile[],
): StoredAttachment[] {
  const described = new Map<string, JsonObject>();
  if (Array.isArray(payload.attachments)) {
    for (const entry of payload.attachments) {
      if (isObject(entry) && entry.id !== undefined) described.set(String(entry.id), entry);
    }
  }
  return files.map((file) => {
    const meta = file.index === null ? undefined : described.get(String(file.index));
    const attachment: StoredAttachment = {
      id: state.nextId(),
      filename: typeof meta?.filename === "string" ? meta.filename : file.filename,
      size: file.size,
      content_type: file.contentType,
      sha256: file.sha256,
    };
    if (typeof meta?.description === "string") attachment.description = meta.description;
    return attachment;
  });
}

/** The JSON Discord answers with. */
export function toDiscordMessage(message: StoredMessage, origin: string): JsonObject {
  const json: JsonObject = {
    id: message.id,
    type: message.type,
    content: message.content,
    channel_id: message.channel_id,
    author: {
      id: message.author.id,
      username: message.author.username,
      avatar: null,
      discriminator: message.author.bot ? "0000" : "0",
      public_flags: 0,
      flags: 0,
      bot: message.author.bot,
      global_name: null,
    },
    attachments: message.attachments.map(({ sha256: _emulatorOnly, ...a }) => ({
      ...a,
      url: `${origin}/attachments/${message.channel_id}/${a.id}/${encodeURIComponent(a.filename)}`,
      proxy_url: `${origin}/attachments/${message.channel_id}/${a.id}/${encodeURIComponent(a.filename)}`,
    })),
    embeds: message.embeds,
    mentions: [],
    mention_roles: [],
    pinned: false,
    mention_everyone: false,
    tts: message.tts,
    timestamp: message.timestamp,
    edited_timestamp: message.edited_timestamp,
    flags: message.flags,
    components: message.components,
  };
  if (message.webhook_id) json.webhook_id = message.webhook_id;
  if (message.application_id) json.application_id = message.application_id;
  if (message.nonce !== undefined) json.nonce = message.nonce;
  return json;
}

/** The control API's view (docs/emulator-contract.md). */
export function toEmulatedMessage(message: StoredMessage): EmulatedMessage {
  const emulated: EmulatedMessage = {
    id: message.id,
    channel_id: message.channel_id,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments.map(({ id, filename, size, content_type, sha256 }) => ({
      id,
      filename,
      size,
      content_type,
      sha256,
    })),
    flags: message.flags,
    author: { ...message.author },
    timestamp: message.timestamp,
    edited_timestamp: message.edited_timestamp,
    edits: message.edits,
    source: message.source,
  };
  if (message.webhook_id) emulated.webhook_id = message.webhook_id;
  if (message.nonce !== undefined) emulated.nonce = String(message.nonce);
  if (message.interaction_token) emulated.interaction_token = message.interaction_token;
  return emulated;
}
