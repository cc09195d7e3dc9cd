// What a verified interaction must look like before any handler reads it. Discord sends
// well-formed payloads; a signed but malformed one (a Discord bug, a leaked key, a fuzzer) must
// get a clear answer, never a TypeError deep inside a handler. Only the fields handlers read
// are checked, against the limits Discord documents.
import type { APIInteraction } from "discord-api-types/v10";
import { type TextRef, textRef } from "../i18n/text-ref.ts";
import { InteractionType } from "./constants.ts";

/**
 * `problem`: what is wrong, a catalog message (shown to the sender in their language, logged in
 * English). `answerable`: Discord accepts a message reply to this type, so the problem is told
 * there.
 */
export type InteractionShape =
  | { ok: true; interaction: APIInteraction }
  | { ok: false; problem: TextRef; answerable: boolean };

/** Subcommand group → subcommand → option. */
const MAX_OPTION_DEPTH = 3;
const MAX_OPTIONS = 25;
/** Discord's longest string option value. */
const MAX_STRING_OPTION = 6000;
const MAX_NAME = 32;
const MAX_CUSTOM_ID = 100;
const MAX_TOKEN = 1000;

const ANSWERABLE: ReadonlySet<number> = new Set([
  InteractionType.ApplicationCommand,
  InteractionType.MessageComponent,
  InteractionType.ModalSubmit,
]);
const KNOWN: ReadonlySet<number> = new Set(Object.values(InteractionType));

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isSnowflake = (value: unknown) => typeof value === "string" && /^\d{1,20}$/.test(value);
const isShortString = (value: unknown, max: number) =>
  typeof value === "string" && value.length > 0 && value.length <= max;

function optionsProblem(options: unknown, depth: number, path: string): TextRef | null {
  if (options === undefined) return null;
  if (!Array.isArray(options)) return textRef("interactions.shape.notList", { field: path });
  if (options.length > MAX_OPTIONS)
    return textRef("interactions.shape.tooMany", { field: path, max: MAX_OPTIONS });
  if (depth > MAX_OPTION_DEPTH)
    return textRef("interactions.shape.tooDeep", { field: path, max: MAX_OPTION_DEPTH });
  for (const [index, option] of options.entries()) {
    const at = `${path}[${index}]`;
    if (!isObject(option)) return textRef("interactions.shape.notObject", { field: at });
    if (!isShortString(option.name, MAX_NAME))
      return textRef("interactions.shape.notShortString", { field: `${at}.name` });
    if (!Number.isInteger(option.type))
      return textRef("interactions.shape.notInteger", { field: `${at}.type` });
    const value = option.value;
    if (typeof value === "string" && value.length > MAX_STRING_OPTION)
      return textRef("interactions.shape.tooLong", {
        field: `${at}.value`,
        max: MAX_STRING_OPTION,
      });
    const scalar =
      value === undefined ||
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value));
    if (!scalar) return textRef("interactions.shape.notScalar", { field: `${at}.value` });
    const nested = optionsProblem(option.options, depth + 1, `${at}.options`);
    if (nested) return nested;
  }
  return null;
}

function userProblem(body: Json): TextRef | null {
  const user = isObject(body.member) ? body.member.user : body.user;
  if (!isObject(user) || !isSnowflake(user.id)) return textRef("interactions.shape.noUser");
  return null;
}

function dataProblem(type: number, data: unknown): TextRef | null {
  if (!isObject(data)) return textRef("interactions.shape.notObject", { field: "data" });
  if (
    type === InteractionType.ApplicationCommand ||
    type === InteractionType.ApplicationCommandAutocomplete
  ) {
    if (!isShortString(data.name, MAX_NAME))
      return textRef("interactions.shape.notShortString", { field: "data.name" });
    if (!Number.isInteger(data.type))
      return textRef("interactions.shape.notInteger", { field: "data.type" });
    return optionsProblem(data.options, 1, "data.options");
  }
  if (!isShortString(data.custom_id, MAX_CUSTOM_ID))
    return textRef("interactions.shape.badCustomId", {
      field: "data.custom_id",
      max: MAX_CUSTOM_ID,
    });
  if (type === InteractionType.ModalSubmit && !Array.isArray(data.components))
    return textRef("interactions.shape.notList", { field: "data.components" });
  return null;
}

/** Checks a parsed body; `problem` is a sentence fit to show the sender. */
export function checkInteractionShape(body: unknown): InteractionShape {
  // Neither problem can be answered in Discord: both are told as JSON, to whoever sent it.
  if (!isObject(body))
    return { ok: false, problem: textRef("interactions.shape.notJson"), answerable: false };
  const type = body.type;
  if (typeof type !== "number" || !KNOWN.has(type))
    return {
      ok: false,
      problem: textRef("interactions.shape.unknownType", {
        type: String(JSON.stringify(type)).slice(0, 20),
      }),
      answerable: false,
    };
  if (type === InteractionType.Ping)
    return { ok: true, interaction: body as unknown as APIInteraction };
  const answerable = ANSWERABLE.has(type);
  const fail = (problem: TextRef): InteractionShape => ({ ok: false, problem, answerable });
  if (!isSnowflake(body.id))
    return fail(textRef("interactions.shape.notSnowflake", { field: "id" }));
  if (!isShortString(body.token, MAX_TOKEN))
    return fail(textRef("interactions.shape.missing", { field: "token" }));
  for (const field of ["guild_id", "channel_id"] as const)
    if (body[field] !== undefined && !isSnowflake(body[field]))
      return fail(textRef("interactions.shape.notSnowflake", { field }));
  const problem = userProblem(body) ?? dataProblem(type, body.data);
  return problem ? fail(problem) : { ok: true, interaction: body as unknown as APIInteraction };
}
