import type { APIApplicationCommandInteractionDataSubcommandOption } from "discord-api-types/v10";
import { codeSpan } from "../../discord/render/safe-text.ts";
import { trusted } from "../../i18n/translator.ts";
import { callbackPolicyFromEnv, checkCallbackUrl } from "../../notifications/callback.ts";
import { replaceGuildCallback, setGuildCallback } from "../../notifications/settings.ts";
import { newCallbackSecret } from "../../notifications/standard-webhooks.ts";
import { sealerFor } from "../../secrets/sealer.ts";
import { hasPermission, Permission } from "../constants.ts";
import type { CommandHandler } from "../context.ts";
import { callbackCommand } from "../definitions.ts";
import { optionValues } from "../options.ts";
import { ephemeral, textFor } from "../replies.ts";

const MAX_URL = 2048;

/** /callback set url: | /callback clear — guild admins only (Manage Server). */
export const callback: CommandHandler = {
  definition: callbackCommand,
  async execute(interaction, { env, log }) {
    const t = textFor(interaction);
    const guildId = interaction.guild_id;
    if (!guildId) return ephemeral(t("interactions.callback.notInServer"));
    // Discord hides the command from non-admins, but the check must not rely on that.
    if (!hasPermission(interaction.member?.permissions, Permission.ManageGuild))
      return ephemeral(t("interactions.callback.notAdmin"));
    const sub = interaction.data.options?.[0] as
      | APIApplicationCommandInteractionDataSubcommandOption
      | undefined;
    if (sub?.name === "clear") {
      await setGuildCallback(env.DB, sealerFor(env), guildId, null);
      return ephemeral(t("interactions.callback.cleared"));
    }
    if (sub?.name !== "set") return ephemeral(t("interactions.callback.usage"));
    const url = String(optionValues(sub.options).url ?? "").trim();
    if (url.length === 0 || url.length > MAX_URL)
      return ephemeral(t("interactions.callback.urlLength", { max: MAX_URL }));
    const policy = callbackPolicyFromEnv(env);
    const verdict = checkCallbackUrl(url, policy);
    if (!verdict.ok)
      return ephemeral(t("interactions.callback.urlRefused", { reason: verdict.refusal }));
    const sealer = sealerFor(env);
    if (!(await sealer.ready())) {
      log.error("callback.no_encryption_key", { guildId });
      return ephemeral(t("interactions.callback.noEncryptionKey"));
    }
    const secret = newCallbackSecret();
    const next = { url: verdict.url.href, secret };
    await replaceGuildCallback(env.DB, sealer, guildId, next, policy.rotationGraceMs, Date.now());
    log.info("callback.set", { guildId });
    return ephemeral(
      t("interactions.callback.set", {
        url: trusted(codeSpan(verdict.url.href, 300)),
        // Our own secret (base64 with a prefix): shown exactly, inside a spoiler.
        secret: trusted(secret),
        graceMs: policy.rotationGraceMs,
      }),
    );
  },
};
