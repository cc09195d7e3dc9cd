// Discord's nested "Invalid Form Body" errors: {"embeds":{"0":{"title":{"_errors":[…]}}}}.
import { type ApiResponse, jsonResponse } from "./http-types.ts";
import { isObject, type JsonObject } from "./json.ts";

export type FieldError = { code: string; message: string };

export class FormErrors {
  readonly tree: JsonObject = {};
  private count = 0;

  add(path: (string | number)[], error: FieldError): void {
    let node = this.tree;
    for (const key of path) {
      const name = String(key);
      const child = node[name];
      if (isObject(child)) {
        node = child;
      } else {
        const created: JsonObject = {};
        node[name] = created;
        node = created;
      }
    }
    const existing = node._errors;
    node._errors = Array.isArray(existing) ? [...existing, error] : [error];
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  response(): ApiResponse {
    return invalidFormBody(this.tree);
  }
}

export function invalidFormBody(errors: JsonObject): ApiResponse {
  return jsonResponse(400, { code: 50035, errors, message: "Invalid Form Body" });
}

export function maxLength(max: number): FieldError {
  return { code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` };
}

export function badLength(min: number, max: number): FieldError {
  return { code: "BASE_TYPE_BAD_LENGTH", message: `Must be between ${min} and ${max} in length.` };
}

export const REQUIRED: FieldError = {
  code: "BASE_TYPE_REQUIRED",
  message: "This field is required",
};
