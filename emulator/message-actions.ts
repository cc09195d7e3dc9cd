// Create and edit a message from a request: body parsing, limits, storage, Discord's answer.
import type { Emulator } from "./context.ts";
import { emptyMessage } from "./discord-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "./http-types.ts";
import { validateMessage } from "./message-limits.ts";
import {
  createMessage,
  isEmptyStoredMessage,
  type NewMessage,
  previewEdit,
  storeEdit,
  toDiscordMessage,
} from "./messages.ts";
import { readMessageBody } from "./request-body.ts";
import type { StoredMessage } from "./state.ts";

export type Posted = { ok: true; message: StoredMessage } | { ok: false; response: ApiResponse };

export function postMessage(emulator: Emulator, req: ApiRequest, meta: NewMessage): Posted {
  const read = readMessageBody(req);
  if (!read.ok) return read;
  const invalid = validateMessage(read.value, emulator.config.maxFileBytes, "create");
  if (invalid) return { ok: false, response: invalid };
  return { ok: true, message: createMessage(emulator.state, meta, read.value) };
}

/** `maxFileBytes`: the interaction's attachment limit on its token routes. */
export function editMessage(
  emulator: Emulator,
  req: ApiRequest,
  message: StoredMessage,
  maxFileBytes = emulator.config.maxFileBytes,
): ApiResponse {
  const read = readMessageBody(req);
  if (!read.ok) return read.response;
  const invalid = validateMessage(read.value, maxFileBytes, "edit");
  if (invalid) return invalid;
  const edited = previewEdit(emulator.state, message, read.value);
  if (isEmptyStoredMessage(edited)) return emptyMessage();
  return messageJson(emulator, storeEdit(emulator.state, edited));
}

export function messageJson(emulator: Emulator, message: StoredMessage, status = 200): ApiResponse {
  return jsonResponse(status, toDiscordMessage(message, emulator.origin));
}
