// The application behind the bot token, as GET /applications/@me shows it and PATCH changes it:
// its interactions endpoint URL and which install types it supports (`integration_types_config`:
// "0" guild install, "1" user install). A new application supports guild install only.
import type { Emulator } from "./context.ts";
import type { FieldError } from "./form-errors.ts";
import { isObject, type JsonObject } from "./json.ts";
import { nowSecondsString } from "./signing.ts";

export const GUILD_INSTALL = 0;
export const USER_INSTALL = 1;
/** Interaction contexts: 0 guild, 1 the bot's DM, 2 other DMs and group DMs (user install only). */
const PRIVATE_CHANNEL = 2;
const VALIDATION_TIMEOUT_MS = 5_000;

export function applicationJson(emulator: Emulator): JsonObject {
  const { profile, botUser } = emulator.state;
  return {
    id: emulator.config.applicationId,
    name: botUser.username,
    icon: null,
    description: "",
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: emulator.signer.publicKeyHex,
    flags: 0,
    bot: { id: botUser.id, username: botUser.username, bot: true },
    interactions_endpoint_url: profile.interactionsEndpointUrl,
    integration_types_config: Object.fromEntries(
      [...profile.installTypes].sort().map((type) => [String(type), {}]),
    ),
  };
}

/** Install types from a PATCH's `integration_types_config`, or a field error. */
export function readInstallTypes(value: unknown): Set<number> | FieldError {
  if (!isObject(value))
    return { code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" };
  const types = Object.keys(value).map(Number);
  if (types.length === 0 || types.some((t) => t !== GUILD_INSTALL && t !== USER_INSTALL)) {
    return { code: "BASE_TYPE_CHOICES", message: "Value must be one of {0, 1}." };
  }
  return new Set(types);
}

/**
 * What Discord does before it saves an interactions endpoint URL: a signed PING that must be
 * answered with type 1, then a request with a bad signature that must be refused with 401.
 */
export async function endpointAnswersLikeABot(emulator: Emulator, url: string): Promise<boolean> {
  if (!/^https?:\/\//.test(url)) return false;
  const body = JSON.stringify({
    id: emulator.state.nextId(),
    application_id: emulator.config.applicationId,
    type: 1,
    token: `validation-${emulator.state.nextId()}`,
    version: 1,
  });
  const timestamp = nowSecondsString();
  const signature = await emulator.signer.sign(timestamp, body);
  const pinged = await post(url, body, timestamp, signature);
  if (pinged?.status !== 200 || !isObject(pinged.json) || pinged.json.type !== 1) return false;
  const forged = signature.startsWith("0") ? `1${signature.slice(1)}` : `0${signature.slice(1)}`;
  const refused = await post(url, body, timestamp, forged);
  return refused?.status === 401;
}

async function post(url: string, body: string, timestamp: string, signature: string) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
        "x-signature-ed25519": signature,
        "x-signature-timestamp": timestamp,
      },
      body,
      signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: only the status matters then
    }
    return { status: response.status, json };
  } catch {
    return null; // unreachable or too slow: Discord refuses the URL
  }
}

/** A command's `integration_types` / `contexts` the application's install types do not allow. */
export function unsupportedInstallFields(
  command: JsonObject,
  installTypes: ReadonlySet<number>,
): { field: "integration_types" | "contexts"; error: FieldError }[] {
  const refused: { field: "integration_types" | "contexts"; error: FieldError }[] = [];
  const types = Array.isArray(command.integration_types) ? command.integration_types : [];
  if (types.some((t) => !installTypes.has(Number(t)))) {
    refused.push({
      field: "integration_types",
      error: {
        code: "APPLICATION_COMMAND_INTEGRATION_TYPE_NOT_SUPPORTED",
        message: "The application does not support this integration type.",
      },
    });
  }
  const contexts = Array.isArray(command.contexts) ? command.contexts : [];
  if (!installTypes.has(USER_INSTALL) && contexts.some((c) => Number(c) === PRIVATE_CHANNEL)) {
    refused.push({
      field: "contexts",
      error: {
        code: "APPLICATION_COMMAND_CONTEXT_NOT_SUPPORTED",
        message: "The application does not support this interaction context.",
      },
    });
  }
  return refused;
}
