import { DEFAULT_LOCALE, type Locale, resolveLocale } from "./locales.ts";

/**
 * The languages a workflow speaks, fixed when it starts so that warnings, handoffs and results
 * sent long after the interaction match it. `user`: ephemeral replies and DMs (the invoker's
 * `locale`). `public`: messages others see — the server's `guild_locale`, unless the owner asked
 * for their own language for this workflow; outside a server, the user's.
 */
export interface WorkflowLocales {
  user: Locale;
  public: Locale;
}

/** Whose language a workflow's public messages use (the `language` option of a workflow command). */
export type PublicLanguage = "server" | "mine";

export const ENGLISH_LOCALES: WorkflowLocales = { user: DEFAULT_LOCALE, public: DEFAULT_LOCALE };

export function workflowLocalesOf(
  interaction: { locale?: string; guild_locale?: string; guild_id?: string },
  publicLanguage: PublicLanguage = "server",
): WorkflowLocales {
  const user = resolveLocale(interaction.locale);
  const inServer = interaction.guild_id !== undefined && publicLanguage === "server";
  return {
    user,
    public: inServer ? resolveLocale(interaction.guild_locale ?? interaction.locale) : user,
  };
}
