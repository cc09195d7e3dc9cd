import type { APIApplicationCommandInteractionDataSubcommandOption } from "discord-api-types/v10";
import { codeSpan, plainText } from "../../discord/render/safe-text.ts";
import { callbackPolicyFromEnv, checkCallbackUrl } from "../../notifications/callback.ts";
import { replaceGuildCallback, setGuildCallback } from "../../notifications/settings.ts";
import { newCallbackSecret } from "../../notifications/standard-webhooks.ts";
import { sealerFor } from "../../secrets/sealer.ts";
import { hasPermission, Permission } from "../constants.ts";
import type { CommandHandler } from "../context.ts";
import { callbackCommand } from "../definitions.ts";
import { optionValues } from "../options.ts";
import { ephemeral } from "../replies.ts";

/** /callback set url: | /callback clear — guild admins only (Manage Server). */
export const callback: CommandHandler = {
  definition: callbackCommand,
  async execute(interaction, { env, log }) {
    const guildId = interaction.guild_id;
    if (!guildId) return ephemeral("⚠️ Callbacks belong to a server; use this command in one.");
    // Discord hides the command from non-admins, but the check must not rely on that.
    if (!hasPermission(interaction.member?.permissions, Permission.ManageGuild)) {
      return ephemeral(
        "🚫 Only members with the Manage Server permission can change the callback.",
      );
    }
    const sub = interaction.data.options?.[0] as
      | APIApplicationCommandInteractionDataSubcommandOption
      | undefined;
    if (sub?.name === "clear") {
      await setGuildCallback(env.DB, sealerFor(env), guildId, null);
      return ephemeral("Callback cleared: finished workflows are no longer sent anywhere.");
    }
    if (sub?.name !== "set") return ephemeral("⚠️ Use `/callback set url:` or `/callback clear`.");
    const url = String(optionValues(sub.options).url ?? "").trim();
    if (url.length === 0 || url.length > 2048)
      return ephemeral("⚠️ `url` must be 1 to 2048 characters.");
    const policy = callbackPolicyFromEnv(env);
    const verdict = checkCallbackUrl(url, policy);
    if (!verdict.ok)
      return ephemeral(`⚠️ I can't send callbacks to that URL: ${plainText(verdict.reason, 300)}.`);
    const sealer = sealerFor(env);
    if (!(await sealer.ready())) {
      log.error("callback.no_encryption_key", { guildId });
      return ephemeral(
        "⚠️ This bot cannot store callback secrets yet (its operator has not set DATA_ENCRYPTION_KEY).",
      );
    }
    const secret = newCallbackSecret();
    const next = { url: verdict.url.href, secret };
    await replaceGuildCallback(env.DB, sealer, guildId, next, policy.rotationGraceMs, Date.now());
    log.info("callback.set", { guildId });
    const grace = policy.rotationGraceMs;
    const graceText =
      grace >= 3_600_000 ? `${Math.round(grace / 3_600_000)} h` : `${Math.round(grace / 1000)} s`;
    return ephemeral(
      [
        `✅ Finished workflows in this server will be POSTed to ${codeSpan(verdict.url.href, 300)} as JSON, signed by the Standard Webhooks specification (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`; verify with any standardwebhooks library).`,
        `Signing secret (shown once; run the command again to rotate it — the old secret keeps signing alongside for ${graceText}):`,
        `||${secret}||`,
      ].join("\n"),
    );
  },
};
