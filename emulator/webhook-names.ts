import type { FormErrors } from "./form-errors.ts";
import { badLength } from "./form-errors.ts";
import { charCount } from "./json.ts";

const FORBIDDEN_NAME_PARTS = ["clyde", "discord"];

/** Webhook names (and execute-time `username` overrides): 1–80 chars, no "clyde"/"discord". */
export function checkWebhookName(name: unknown, field: string, errors: FormErrors): void {
  if (typeof name !== "string" || charCount(name) < 1 || charCount(name) > 80) {
    errors.add([field], badLength(1, 80));
    return;
  }
  const forbidden = FORBIDDEN_NAME_PARTS.find((part) => name.toLowerCase().includes(part));
  if (forbidden) {
    errors.add([field], {
      code: "USERNAME_INVALID_CONTAINS",
      message: `Username cannot contain "${forbidden}"`,
    });
  }
}
