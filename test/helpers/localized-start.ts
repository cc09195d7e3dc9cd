import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { workflowLocalesOf } from "../../src/i18n/workflow-locales.ts";
import {
  originOf,
  type StartingInteraction,
} from "../../src/interactions/commands/workflow-command.ts";
import { startWorkflow } from "../../src/queue/start.ts";
import { stageRuns, type TestWorkflow } from "../support/test-workflow.ts";
import { emulator, freshId } from "./emulator.ts";
import { commandData, interactionFrom, TEST_TOKEN_TTL_MS } from "./workflow-harness.ts";

/** Where and in which languages a command is used, as Discord's interaction says it. */
export interface LocalePlace {
  /** The user's client language (`locale`). */
  locale: string;
  /** The server's language (`guild_locale`); absent in a DM. */
  guildLocale?: string;
  /** The bot's DM (context 1): no guild, no member. */
  inDm?: boolean;
}

export interface LocalizedStart {
  workflowId: string;
  token: string;
  channelId: string;
  guildId: string | null;
  userId: string;
}

/**
 * Starts a test workflow from an interaction in the given languages, the way the command's start
 * path does (its origin, then the start message on the queue); the workflow's languages are read
 * from the interaction as the command reads them.
 */
export async function startInLocale(
  workflow: TestWorkflow,
  place: LocalePlace,
  input = "example",
): Promise<LocalizedStart> {
  const channelId = freshId();
  const userId = freshId();
  const guildId = place.inDm ? null : freshId();
  const issued = await emulator.createInteractionToken({
    ttlMs: TEST_TOKEN_TTL_MS,
    channelId,
    userId,
    ...(guildId ? { guildId } : {}),
  });
  const base = interactionFrom({ userId }, 2, commandData(workflow.name, { input }), {
    id: issued.interactionId,
    token: issued.token,
    channelId,
    ...(guildId ? { guildId } : {}),
  });
  const { guild_id: _guild, member, ...rest } = base;
  const interaction = (place.inDm
    ? { ...rest, user: (member as { user: unknown }).user, context: 1, locale: place.locale }
    : {
        ...base,
        locale: place.locale,
        guild_locale: place.guildLocale,
      }) as unknown as StartingInteraction;
  const origin = originOf(interaction, userId, Date.now(), workflowLocalesOf(interaction));
  const workflowId = await startWorkflow(env, workflow.definition, { input }, origin);
  await vi.waitFor(
    () => {
      if (!stageRuns.some((run) => run.workflowId === workflowId))
        throw new Error("first stage has not run yet");
    },
    { timeout: 30_000, interval: 20 },
  );
  return { workflowId, token: issued.token, channelId, guildId, userId };
}
