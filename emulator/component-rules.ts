// Discord's rules for message components, allowed_mentions and the Components V2 flag
// (docs: interactions/message-components, resources/message): what the bot must not send.
import { type FormErrors, maxLength } from "./form-errors.ts";
import { isObject, type JsonObject } from "./json.ts";

export const COMPONENT_LIMITS = {
  actionRows: 5,
  perRow: 5,
  customId: 100,
  label: 80,
  selectOptions: 25,
  optionText: 100,
  placeholder: 150,
  /** With IS_COMPONENTS_V2, all text across components. */
  v2Text: 4000,
} as const;

export const FLAG_IS_COMPONENTS_V2 = 1 << 15;
const ACTION_ROW = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
const TEXT_DISPLAY = 10;
const LINK_STYLE = 5;
const MENTION_TYPES = new Set(["roles", "users", "everyone"]);

type Path = (string | number)[];

function text(value: unknown, path: Path, max: number, errors: FormErrors): void {
  if (typeof value === "string" && [...value].length > max) errors.add(path, maxLength(max));
}

function checkButton(button: JsonObject, path: Path, errors: FormErrors): void {
  text(button.label, [...path, "label"], COMPONENT_LIMITS.label, errors);
  const isLink = button.style === LINK_STYLE;
  if (isLink && typeof button.url !== "string")
    errors.add([...path, "url"], { code: "BASE_TYPE_REQUIRED", message: "This field is required" });
  if (!isLink && typeof button.custom_id !== "string")
    errors.add([...path, "custom_id"], {
      code: "BASE_TYPE_REQUIRED",
      message: "This field is required",
    });
  text(button.custom_id, [...path, "custom_id"], COMPONENT_LIMITS.customId, errors);
}

function checkSelect(select: JsonObject, path: Path, errors: FormErrors): void {
  text(select.custom_id, [...path, "custom_id"], COMPONENT_LIMITS.customId, errors);
  text(select.placeholder, [...path, "placeholder"], COMPONENT_LIMITS.placeholder, errors);
  const options = Array.isArray(select.options) ? select.options : [];
  if (options.length === 0 || options.length > COMPONENT_LIMITS.selectOptions)
    errors.add([...path, "options"], maxLength(COMPONENT_LIMITS.selectOptions));
  options.forEach((option: unknown, i) => {
    if (!isObject(option)) return;
    for (const key of ["label", "value", "description"])
      text(option[key], [...path, "options", i, key], COMPONENT_LIMITS.optionText, errors);
  });
}

/** Action rows of buttons (at most 5 per row) or one select menu. */
function checkActionRows(rows: unknown[], errors: FormErrors): void {
  if (rows.length > COMPONENT_LIMITS.actionRows)
    errors.add(["components"], maxLength(COMPONENT_LIMITS.actionRows));
  rows.forEach((row: unknown, r) => {
    if (!isObject(row) || row.type !== ACTION_ROW || !Array.isArray(row.components)) return;
    if (row.components.length > COMPONENT_LIMITS.perRow)
      errors.add(["components", r, "components"], maxLength(COMPONENT_LIMITS.perRow));
    const selects = row.components.filter((c) => isObject(c) && c.type === STRING_SELECT).length;
    if (selects > 0 && row.components.length > 1)
      errors.add(["components", r, "components"], {
        code: "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        message: "A select menu must be alone in its action row",
      });
    row.components.forEach((component: unknown, c) => {
      if (!isObject(component)) return;
      const path = ["components", r, "components", c];
      if (component.type === BUTTON) checkButton(component, path, errors);
      if (component.type === STRING_SELECT) checkSelect(component, path, errors);
    });
  });
}

function v2TextLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + v2TextLength(child), 0);
  if (!isObject(node)) return 0;
  const own =
    node.type === TEXT_DISPLAY && typeof node.content === "string" ? node.content.length : 0;
  return own + v2TextLength(node.components) + v2TextLength(node.accessory);
}

/** Components, the V2 flag's exclusions and allowed_mentions, as Discord checks them. */
export function checkComponentsAndMentions(payload: JsonObject, errors: FormErrors): void {
  const flags = typeof payload.flags === "number" ? payload.flags : 0;
  const components = Array.isArray(payload.components) ? payload.components : [];
  if ((flags & FLAG_IS_COMPONENTS_V2) !== 0) {
    for (const key of ["content", "embeds"]) {
      const value = payload[key];
      if (
        value !== undefined &&
        value !== null &&
        value !== "" &&
        !(Array.isArray(value) && value.length === 0)
      )
        errors.add([key], {
          code: "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
          message: "The 'content' and 'embeds' fields cannot be used when using components v2",
        });
    }
    if (v2TextLength(components) > COMPONENT_LIMITS.v2Text)
      errors.add(["components"], maxLength(COMPONENT_LIMITS.v2Text));
  } else {
    checkActionRows(components, errors);
  }
  const mentions = payload.allowed_mentions;
  if (!isObject(mentions)) return;
  const parse = Array.isArray(mentions.parse) ? mentions.parse : [];
  for (const [i, kind] of parse.entries())
    if (typeof kind !== "string" || !MENTION_TYPES.has(kind))
      errors.add(["allowed_mentions", "parse", i], {
        code: "BASE_TYPE_CHOICES",
        message: "Value must be one of {'roles', 'users', 'everyone'}.",
      });
  for (const kind of ["users", "roles"])
    if (parse.includes(kind) && Array.isArray(mentions[kind]) && mentions[kind].length > 0)
      errors.add(["allowed_mentions", kind], {
        code: "SET_TYPE_ALREADY_CONTAINS_VALUE",
        message: `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`,
      });
}
