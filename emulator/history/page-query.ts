// GET /channels/{id}/messages query string, checked as Discord checks it (400 50035 otherwise).
import { type FieldError, FormErrors } from "../form-errors.ts";
import type { ApiResponse } from "../http-types.ts";
import type { PageQuery } from "./channel-index.ts";

const ANCHORS = ["before", "after", "around"] as const;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

export function parsePageQuery(query: URLSearchParams): PageQuery | { refused: ApiResponse } {
  const errors = new FormErrors();
  const limit = parseLimit(query.get("limit"), errors);
  const given = ANCHORS.filter((name) => query.has(name));
  for (const name of given) {
    const value = query.get(name) as string;
    if (!/^\d{1,20}$/.test(value)) errors.add([name], coerce(value, "snowflake"));
  }
  // Emulator strictness: Discord documents that only one may be given; we refuse the rest.
  for (const name of given.slice(1)) {
    errors.add([name], {
      code: "ANCHOR_CONFLICT",
      message: "Only one of before, after and around may be given.",
    });
  }
  if (!errors.empty) return { refused: errors.response() };
  const anchor = given[0];
  if (anchor === undefined) return { kind: "latest", limit };
  return { kind: anchor, id: query.get(anchor) as string, limit };
}

/** `limit` 1–100, default 50, with Discord's NUMBER_TYPE_* errors. */
export function parseLimit(raw: string | null, errors: FormErrors, max = MAX_LIMIT): number {
  if (raw === null) return Math.min(DEFAULT_LIMIT, max);
  if (!/^-?\d+$/.test(raw)) {
    errors.add(["limit"], coerce(raw, "int"));
    return DEFAULT_LIMIT;
  }
  const value = Number(raw);
  if (value < 1) {
    errors.add(["limit"], {
      code: "NUMBER_TYPE_MIN",
      message: "int value should be greater than or equal to 1.",
    });
  } else if (value > max) {
    errors.add(["limit"], {
      code: "NUMBER_TYPE_MAX",
      message: `int value should be less than or equal to ${max}.`,
    });
  }
  return value;
}

function coerce(value: string, type: string): FieldError {
  return { code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not ${type}.` };
}
