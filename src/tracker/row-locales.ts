import { resolveLocale } from "../i18n/locales.ts";
import type { WorkflowLocales } from "../i18n/workflow-locales.ts";
import type { WorkflowRow } from "./schema.ts";

/** The languages a workflow started with (English for a tracker created before languages). */
export function localesOf(
  row: Pick<WorkflowRow, "user_locale" | "public_locale">,
): WorkflowLocales {
  return { user: resolveLocale(row.user_locale), public: resolveLocale(row.public_locale) };
}
