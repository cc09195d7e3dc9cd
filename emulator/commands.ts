// Application command validation and the JSON Discord stores (docs: interactions/application-commands).
import {
  checkDescriptionLocalizations,
  checkNameLocalizations,
  checkOptions,
  INVALID_NAME,
  isValidName,
} from "./command-localizations.ts";
import { badLength, type FormErrors, maxLength, REQUIRED } from "./form-errors.ts";
import { charCount, isObject, type JsonObject } from "./json.ts";

const CHAT_INPUT = 1;
const MAX_COMMANDS = 100;

/** Problems with a command list (for PUT) or one command (path prefix [] for POST/PATCH). */
export function validateCommands(commands: unknown[], errors: FormErrors): void {
  if (commands.length > MAX_COMMANDS) errors.add([], maxLength(MAX_COMMANDS));
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    checkCommand(command, [index], errors);
    if (isObject(command) && typeof command.name === "string") {
      const key = `${command.type ?? CHAT_INPUT}:${command.name}`;
      if (seen.has(key)) {
        errors.add([index, "name"], {
          code: "APPLICATION_COMMANDS_DUPLICATE_NAME",
          message: "Application command names must be unique",
        });
      }
      seen.add(key);
    }
  });
}

export function checkCommand(
  command: unknown,
  path: (string | number)[],
  errors: FormErrors,
): void {
  if (!isObject(command)) {
    errors.add(path, {
      code: "DICT_TYPE_CONVERT",
      message: "Only dictionaries may be used in a DictType",
    });
    return;
  }
  const type = command.type ?? CHAT_INPUT;
  const name = command.name;
  if (typeof name !== "string") errors.add([...path, "name"], REQUIRED);
  else if (charCount(name) < 1 || charCount(name) > 32)
    errors.add([...path, "name"], badLength(1, 32));
  else if (type === CHAT_INPUT && !isValidName(name)) {
    errors.add([...path, "name"], INVALID_NAME);
  }
  const description = command.description;
  if (type === CHAT_INPUT) {
    if (typeof description !== "string") errors.add([...path, "description"], REQUIRED);
    else if (charCount(description) < 1 || charCount(description) > 100) {
      errors.add([...path, "description"], badLength(1, 100));
    }
    checkNameLocalizations(
      command.name_localizations,
      [...path, "name_localizations"],
      errors,
      true,
    );
    checkDescriptionLocalizations(
      command.description_localizations,
      [...path, "description_localizations"],
      errors,
    );
    checkOptions(command.options, [...path, "options"], errors);
  }
}

/** What Discord answers with for a stored command. */
export function commandJson(
  command: JsonObject,
  ids: { id: string; version: string; applicationId: string; guildId: string | null },
): JsonObject {
  const json: JsonObject = {
    default_member_permissions: null,
    type: CHAT_INPUT,
    name: command.name,
    name_localizations: null,
    description: "",
    description_localizations: null,
    dm_permission: true,
    contexts: null,
    integration_types: [0],
    nsfw: false,
    ...command,
    id: ids.id,
    application_id: ids.applicationId,
    version: ids.version,
  };
  if (ids.guildId) {
    json.guild_id = ids.guildId;
    delete json.dm_permission;
  }
  return json;
}
