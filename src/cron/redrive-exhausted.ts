import { NO_MENTIONS } from "../discord/allowed-mentions.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { discordText } from "../discord/render/localized-text.ts";
import { codeSpan } from "../discord/render/safe-text.ts";
import { botGateFor } from "../gate/gate-client.ts";
import { resolveLocale } from "../i18n/locales.ts";
import { trusted } from "../i18n/translator.ts";
import type { Logger } from "../log.ts";
import { retrieveHint } from "../results/files-note.ts";
import type { RetentionSettings } from "../results/retention-settings.ts";

/** Owners told per cron run; the next run takes the rest. */
const BATCH = 50;

interface ExhaustedRow {
  workflow_id: string;
  user_id: string;
  command: string;
  redrive_attempts: number;
  user_locale: string | null;
}

/** What the owner reads, in their language: why, and the command that still gets the result. */
export function exhaustedNoticeText(row: ExhaustedRow, keptDays: number): string {
  return discordText(resolveLocale(row.user_locale))("results.exhausted", {
    command: trusted(codeSpan(`/${row.command}`, 100)),
    workflowId: trusted(codeSpan(row.workflow_id, 100)),
    attempts: row.redrive_attempts,
    days: keptDays,
    retrieve: trusted(retrieveHint(row.workflow_id)),
  });
}

/**
 * Owners of results the re-drives could not deliver, told once (by DM, the one route that needs
 * no channel permission) after the last re-drive's backoff ran out without a delivery. The row is
 * marked before the message is sent, so a failure or a second cron run never repeats it.
 */
export async function tellOwnersOfExhaustedRedrives(
  env: Env,
  now: number,
  s: RetentionSettings,
  keptDays: number,
  log: Logger,
): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT workflow_id, user_id, command, redrive_attempts, user_locale FROM results
     WHERE delivered_at IS NULL AND owner_retrieved_at IS NULL AND exhausted_notice_at IS NULL
       AND redrive_attempts >= ?1 AND (next_redrive_at IS NULL OR next_redrive_at <= ?2)
     LIMIT ?3`,
  )
    .bind(s.redriveMaxAttempts, now, BATCH)
    .all<ExhaustedRow>();
  if (results.length === 0) return 0;
  const discord = createDiscordClient(env, { gate: botGateFor(env, log), maxGateWaitMs: 5_000 });
  let told = 0;
  for (const row of results) {
    const claimed = await env.DB.prepare(
      "UPDATE results SET exhausted_notice_at = ? WHERE workflow_id = ? AND exhausted_notice_at IS NULL",
    )
      .bind(now, row.workflow_id)
      .run();
    if (claimed.meta.changes !== 1) continue;
    try {
      const dm = await discord.openDmChannel(row.user_id);
      await discord.createChannelMessage(dm.id, {
        content: exhaustedNoticeText(row, keptDays),
        allowed_mentions: NO_MENTIONS,
      });
      told++;
      log.info("redrive.exhausted_told", { workflowId: row.workflow_id });
    } catch (error) {
      log.warn("redrive.exhausted_untold", { workflowId: row.workflow_id, error });
    }
  }
  return told;
}
