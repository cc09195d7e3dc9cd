// What Discord checks in a command's localized texts and its options (docs:
// interactions/application-commands#localization, #application-command-naming): the maps' keys
// are Discord locales; a localized name obeys the same rules as the name, a localized
// description and a choice name the same lengths. Command-level name errors are reported on the
// whole map (as Discord does), option and choice ones on the locale.
import { badLength, type FieldError, type FormErrors, maxLength, REQUIRED } from "./form-errors.ts";
import { charCount, isObject } from "./json.ts";

/** Discord's locales (docs: reference#locales). */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set([
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
]);

const NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_CHOICE_NAME = 100;
const MAX_CHOICES = 25;
const MAX_OPTIONS = 25;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

export const INVALID_NAME: FieldError = {
  code: "APPLICATION_COMMAND_INVALID_NAME",
  message: "Command name is invalid",
};

type Path = (string | number)[];

/** A chat-input name: 1–32 letters, digits, `-` or `_`, lowercase where the script has case. */
export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name) && name === name.toLowerCase();
}

function notALocale(key: string): FieldError {
  return { code: "ENUM_TYPE_COERCE", message: `Value "${key}" is not a valid enum value.` };
}

/** The entries of a localization map, its bad keys reported; null values mean "none". */
function entries(map: unknown, path: Path, errors: FormErrors): [string, unknown][] {
  if (map === undefined || map === null) return [];
  if (!isObject(map)) {
    errors.add(path, {
      code: "DICT_TYPE_CONVERT",
      message: "Only dictionaries may be used in a DictType",
    });
    return [];
  }
  return Object.entries(map).filter(([key, value]) => {
    if (!DISCORD_LOCALES.has(key)) errors.add([...path, key], notALocale(key));
    return DISCORD_LOCALES.has(key) && value !== null;
  });
}

function checkLength(value: unknown, max: number, path: Path, errors: FormErrors): void {
  if (typeof value !== "string") errors.add(path, REQUIRED);
  else if (charCount(value) < 1 || charCount(value) > max) errors.add(path, badLength(1, max));
}

/** `name_localizations`: each a valid name; `onMap` reports a bad one on the map itself. */
export function checkNameLocalizations(
  map: unknown,
  path: Path,
  errors: FormErrors,
  onMap: boolean,
): void {
  let reported = false;
  for (const [locale, name] of entries(map, path, errors)) {
    if (typeof name === "string" && isValidName(name)) continue;
    if (!onMap) errors.add([...path, locale], INVALID_NAME);
    else if (!reported) errors.add(path, INVALID_NAME);
    reported = true;
  }
}

export function checkDescriptionLocalizations(map: unknown, path: Path, errors: FormErrors): void {
  for (const [locale, text] of entries(map, path, errors))
    checkLength(text, MAX_DESCRIPTION, [...path, locale], errors);
}

function checkChoices(choices: unknown, path: Path, errors: FormErrors): void {
  if (!Array.isArray(choices)) return;
  if (choices.length > MAX_CHOICES) errors.add(path, maxLength(MAX_CHOICES));
  choices.forEach((choice, index) => {
    if (!isObject(choice)) return;
    checkLength(choice.name, MAX_CHOICE_NAME, [...path, index, "name"], errors);
    for (const [locale, name] of entries(
      choice.name_localizations,
      [...path, index, "name_localizations"],
      errors,
    ))
      checkLength(name, MAX_CHOICE_NAME, [...path, index, "name_localizations", locale], errors);
  });
}

/** A command's options, nested subcommands and groups included. */
export function checkOptions(options: unknown, path: Path, errors: FormErrors): void {
  if (!Array.isArray(options)) return;
  if (options.length > MAX_OPTIONS) errors.add(path, maxLength(MAX_OPTIONS));
  options.forEach((option, index) => {
    const at = [...path, index];
    if (!isObject(option)) return;
    if (typeof option.name !== "string") errors.add([...at, "name"], REQUIRED);
    else if (!isValidName(option.name)) errors.add([...at, "name"], INVALID_NAME);
    checkNameLocalizations(option.name_localizations, [...at, "name_localizations"], errors, false);
    checkLength(option.description, MAX_DESCRIPTION, [...at, "description"], errors);
    checkDescriptionLocalizations(
      option.description_localizations,
      [...at, "description_localizations"],
      errors,
    );
    checkChoices(option.choices, [...at, "choices"], errors);
    if (option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP)
      checkOptions(option.options, [...at, "options"], errors);
  });
}
