// Discord's message limits (docs: resources/message): the bot must never exceed them.
import { checkComponentsAndMentions } from "./component-rules.ts";
import { emptyMessage, entityTooLarge } from "./discord-errors.ts";
import { FormErrors, maxLength, REQUIRED } from "./form-errors.ts";
import type { ApiResponse, MessageBody, UploadedFile } from "./http-types.ts";
import { charCount, isObject, type JsonObject } from "./json.ts";

export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  totalEmbedText: 6000,
  files: 10,
  nonce: 25,
} as const;

type Path = (string | number)[];

/** 413, then 400 50035 with every field error, then (on create) 400 50006 for an empty message. */
export function validateMessage(
  body: MessageBody,
  maxFileBytes: number,
  mode: "create" | "edit",
): ApiResponse | null {
  if (body.files.some((file) => file.size > maxFileBytes)) return entityTooLarge();
  const errors = new FormErrors();
  checkMessageFields(body.payload, body.files, errors);
  if (!errors.empty) return errors.response();
  if (mode === "create" && isEmptyMessage(body.payload, body.files.length)) return emptyMessage();
  return null;
}

export function isEmptyMessage(payload: JsonObject, fileCount: number): boolean {
  const content = payload.content;
  const nonEmptyList = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    (typeof content !== "string" || content.trim() === "") &&
    !nonEmptyList(payload.embeds) &&
    !nonEmptyList(payload.components) &&
    !nonEmptyList(payload.attachments) &&
    !nonEmptyList(payload.sticker_ids) &&
    !isObject(payload.poll) &&
    fileCount === 0
  );
}

function checkMessageFields(payload: JsonObject, files: UploadedFile[], errors: FormErrors): void {
  checkComponentsAndMentions(payload, errors);
  checkText(payload.content, ["content"], MESSAGE_LIMITS.content, errors);
  if (typeof payload.nonce === "string") {
    checkText(payload.nonce, ["nonce"], MESSAGE_LIMITS.nonce, errors);
  }
  if (files.length > MESSAGE_LIMITS.files) errors.add(["files"], maxLength(MESSAGE_LIMITS.files));
  const embeds = payload.embeds;
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(["embeds"], { code: "BASE_TYPE_ARRAY", message: "Must be an array." });
    return;
  }
  if (embeds.length > MESSAGE_LIMITS.embeds)
    errors.add(["embeds"], maxLength(MESSAGE_LIMITS.embeds));
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    total += checkEmbed(embed, ["embeds", index], errors);
  });
  if (total > MESSAGE_LIMITS.totalEmbedText) {
    errors.add(["embeds"], {
      code: "MAX_EMBED_SIZE_EXCEEDED",
      message: `Embed size exceeds maximum size of ${MESSAGE_LIMITS.totalEmbedText}`,
    });
  }
}

/** Checks one embed and returns how much it adds to the message's total embed text. */
function checkEmbed(embed: unknown, path: Path, errors: FormErrors): number {
  if (!isObject(embed)) {
    errors.add(path, {
      code: "DICT_TYPE_CONVERT",
      message: "Only dictionaries may be used in a DictType",
    });
    return 0;
  }
  let total = 0;
  total += checkText(embed.title, [...path, "title"], MESSAGE_LIMITS.title, errors);
  total += checkText(
    embed.description,
    [...path, "description"],
    MESSAGE_LIMITS.description,
    errors,
  );
  if (isObject(embed.footer)) {
    total += checkText(
      embed.footer.text,
      [...path, "footer", "text"],
      MESSAGE_LIMITS.footerText,
      errors,
    );
  }
  if (isObject(embed.author)) {
    total += checkText(
      embed.author.name,
      [...path, "author", "name"],
      MESSAGE_LIMITS.authorName,
      errors,
    );
  }
  const fields = embed.fields;
  if (Array.isArray(fields)) {
    if (fields.length > MESSAGE_LIMITS.fields) {
      errors.add([...path, "fields"], maxLength(MESSAGE_LIMITS.fields));
    }
    fields.forEach((field: unknown, index) => {
      total += checkField(field, [...path, "fields", index], errors);
    });
  }
  return total;
}

function checkField(field: unknown, path: Path, errors: FormErrors): number {
  if (!isObject(field)) {
    errors.add(path, {
      code: "DICT_TYPE_CONVERT",
      message: "Only dictionaries may be used in a DictType",
    });
    return 0;
  }
  for (const key of ["name", "value"]) {
    if (field[key] === undefined || field[key] === null) errors.add([...path, key], REQUIRED);
  }
  return (
    checkText(field.name, [...path, "name"], MESSAGE_LIMITS.fieldName, errors) +
    checkText(field.value, [...path, "value"], MESSAGE_LIMITS.fieldValue, errors)
  );
}

/** Validates an optional string and returns its length (0 when absent). */
function checkText(value: unknown, path: Path, max: number, errors: FormErrors): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "string") {
    errors.add(path, { code: "BASE_TYPE_STRING", message: "Must be a string." });
    return 0;
  }
  const length = charCount(value);
  if (length > max) errors.add(path, maxLength(max));
  return length;
}
