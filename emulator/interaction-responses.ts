// What an interaction response (HTTP answer or callback) does to the emulated Discord.
import type { Emulator } from "./context.ts";
import { emptyMessage, entityTooLarge } from "./discord-errors.ts";
import { FormErrors, maxLength } from "./form-errors.ts";
import type { ApiResponse, MessageBody, ParsedBody, UploadedFile } from "./http-types.ts";
import { createInteractionMessage, deferOriginal } from "./interactions.ts";
import { isObject, type JsonObject, numberField } from "./json.ts";
import { validateMessage } from "./message-limits.ts";
import { isEmptyStoredMessage, previewEdit, storeEdit } from "./messages.ts";
import type { InteractionRecord, StoredMessage } from "./state.ts";

const RESPONSE_TYPES = [1, 4, 5, 6, 7, 8, 9, 10, 12];
const MAX_AUTOCOMPLETE_CHOICES = 25;
/**
 * Discord has failed multipart interaction responses (files in the answer to the interaction
 * POST, or in its callback) above roughly 150 KB (discord-api-docs issues 5250, 5925); edits and
 * follow-ups through the webhook routes take files up to the interaction's attachment limit.
 */
export const MAX_MULTIPART_RESPONSE_BYTES = 150 * 1024;

/** 413 40005 for a multipart interaction response over MAX_MULTIPART_RESPONSE_BYTES. */
export function refuseLargeMultipartResponse(body: ParsedBody, bytes: number): ApiResponse | null {
  return body.kind === "multipart" && bytes > MAX_MULTIPART_RESPONSE_BYTES
    ? entityTooLarge()
    : null;
}

export type Applied =
  | { ok: true; type: number; message: StoredMessage | null }
  | { ok: false; response: ApiResponse };

export function applyInteractionResponse(
  emulator: Emulator,
  interaction: InteractionRecord,
  body: JsonObject,
  files: UploadedFile[] = [],
): Applied {
  const type = numberField(body, "type");
  if (type === undefined || !RESPONSE_TYPES.includes(type)) {
    const errors = new FormErrors();
    errors.add(["type"], {
      code: "BASE_TYPE_CHOICES",
      message: `Value must be one of {${RESPONSE_TYPES.join(", ")}}.`,
    });
    return { ok: false, response: errors.response() };
  }
  const data = isObject(body.data) ? body.data : {};
  const applied = applyByType(emulator, interaction, type, { payload: data, files });
  if (applied.ok) interaction.acknowledged = true;
  return applied;
}

function applyByType(
  emulator: Emulator,
  interaction: InteractionRecord,
  type: number,
  data: MessageBody,
): Applied {
  const maxFileBytes = interaction.attachmentSizeLimit;
  switch (type) {
    case 4: {
      const invalid = validateMessage(data, maxFileBytes, "create");
      if (invalid) return { ok: false, response: invalid };
      const message = createInteractionMessage(
        emulator,
        interaction,
        "interaction",
        data.payload,
        data.files,
      );
      interaction.originalMessageId = message.id;
      return { ok: true, type, message };
    }
    case 5:
      return {
        ok: true,
        type,
        message: deferOriginal(emulator, interaction, numberField(data.payload, "flags") ?? 0),
      };
    case 7:
      return updateSourceMessage(emulator, interaction, data);
    case 8: {
      const choices = data.payload.choices;
      if (Array.isArray(choices) && choices.length > MAX_AUTOCOMPLETE_CHOICES) {
        const errors = new FormErrors();
        errors.add(["data", "choices"], maxLength(MAX_AUTOCOMPLETE_CHOICES));
        return { ok: false, response: errors.response() };
      }
      return { ok: true, type, message: null };
    }
    default:
      return { ok: true, type, message: null };
  }
}

/** UPDATE_MESSAGE edits the message the component was on, when the emulator knows it. */
function updateSourceMessage(
  emulator: Emulator,
  interaction: InteractionRecord,
  data: MessageBody,
): Applied {
  const invalid = validateMessage(data, interaction.attachmentSizeLimit, "edit");
  if (invalid) return { ok: false, response: invalid };
  const { state } = emulator;
  const source = interaction.sourceMessageId
    ? state.messages.get(interaction.sourceMessageId)
    : undefined;
  if (!source) return { ok: true, type: 7, message: null };
  const edited = previewEdit(state, source, data);
  if (isEmptyStoredMessage(edited)) return { ok: false, response: emptyMessage() };
  return { ok: true, type: 7, message: storeEdit(state, edited) };
}
