// What a verified interaction must look like before any handler reads it. Discord sends
// well-formed payloads; a signed but malformed one (a Discord bug, a leaked key, a fuzzer) must
// get a clear answer, never a TypeError deep inside a handler. Only the fields handlers read
// are checked, against the limits Discord documents.
import type { APIInteraction } from "discord-api-types/v10";
import { InteractionType } from "./constants.ts";

export type InteractionShape =
  | { ok: true; interaction: APIInteraction }
  /** `answerable`: Discord accepts a message reply to this type, so the problem is told there. */
  | { ok: false; problem: string; answerable: boolean };

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

function optionsProblem(options: unknown, depth: number, path: string): string | null {
  if (options === undefined) return null;
  if (!Array.isArray(options)) return `${path} is not a list`;
  if (options.length > MAX_OPTIONS) return `${path} has more than ${MAX_OPTIONS} entries`;
  if (depth > MAX_OPTION_DEPTH) return `${path} is nested more than ${MAX_OPTION_DEPTH} deep`;
  for (const [index, option] of options.entries()) {
    const at = `${path}[${index}]`;
    if (!isObject(option)) return `${at} is not an object`;
    if (!isShortString(option.name, MAX_NAME)) return `${at}.name is not a short string`;
    if (!Number.isInteger(option.type)) return `${at}.type is not an integer`;
    const value = option.value;
    if (typeof value === "string" && value.length > MAX_STRING_OPTION)
      return `${at}.value is longer than ${MAX_STRING_OPTION} characters`;
    const scalar =
      value === undefined ||
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value));
    if (!scalar) return `${at}.value is not a string, number or boolean`;
    const nested = optionsProblem(option.options, depth + 1, `${at}.options`);
    if (nested) return nested;
  }
  return null;
}

function userProblem(body: Json): string | null {
  const user = isObject(body.member) ? body.member.user : body.user;
  if (!isObject(user) || !isSnowflake(user.id)) return "it names no user (member.user or user)";
  return null;
}

function dataProblem(type: number, data: unknown): string | null {
  if (!isObject(data)) return "data is missing or not an object";
  if (
    type === InteractionType.ApplicationCommand ||
    type === InteractionType.ApplicationCommandAutocomplete
  ) {
    if (!isShortString(data.name, MAX_NAME)) return "data.name is not a short string";
    if (!Number.isInteger(data.type)) return "data.type is not an integer";
    return optionsProblem(data.options, 1, "data.options");
  }
  if (!isShortString(data.custom_id, MAX_CUSTOM_ID))
    return `data.custom_id is not a string of 1 to ${MAX_CUSTOM_ID} characters`;
  if (type === InteractionType.ModalSubmit && !Array.isArray(data.components))
    return "data.components is not a list";
  return null;
}

/** Checks a parsed body; `problem` is a sentence fit to show the sender. */
export function checkInteractionShape(body: unknown): InteractionShape {
  if (!isObject(body))
    return { ok: false, problem: "the body is not a JSON object", answerable: false };
  const type = body.type;
  if (typeof type !== "number" || !KNOWN.has(type))
    return {
      ok: false,
      problem: `unknown interaction type ${JSON.stringify(type)?.slice(0, 20)}`,
      answerable: false,
    };
  if (type === InteractionType.Ping)
    return { ok: true, interaction: body as unknown as APIInteraction };
  const answerable = ANSWERABLE.has(type);
  const fail = (problem: string): InteractionShape => ({ ok: false, problem, answerable });
  if (!isSnowflake(body.id)) return fail("id is not a snowflake");
  if (!isShortString(body.token, MAX_TOKEN)) return fail("token is missing");
  for (const field of ["guild_id", "channel_id"] as const)
    if (body[field] !== undefined && !isSnowflake(body[field]))
      return fail(`${field} is not a snowflake`);
  const problem = userProblem(body) ?? dataProblem(type, body.data);
  return problem ? fail(problem) : { ok: true, interaction: body as unknown as APIInteraction };
}
