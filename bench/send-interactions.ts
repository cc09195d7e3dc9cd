// Starts workflows the way Discord does: the emulator signs each interaction, posts it to the
// bot, and applies the bot's answer (the deferred reply) to its @original message.
import type { SendInteractionResponse } from "../scripts/emulator-client.ts";
import { type Actor, type BenchTarget, benchId } from "./bench-client.ts";

export interface SentCommand {
  actor: Actor;
  token: string;
  status: number;
  responseType: number | null;
  ackMs: number;
  error?: string;
}

export function slashCommand(
  name: string,
  options: { name: string; type: number; value: string | number }[],
  actor: Actor,
) {
  return {
    type: 2,
    guild_id: actor.guildId,
    channel_id: actor.channelId,
    channel: { id: actor.channelId, type: 0 },
    member: { user: { id: actor.userId, username: "bench" }, permissions: "0" },
    data: { id: benchId(), name, type: 1, options },
  };
}

/** Discord invalidates an interaction whose first answer takes longer than this. */
const DISCORD_ACK_DEADLINE_MS = 3000;

/**
 * Sends every command with at most `inFlight` outstanding; each answer is timed. With
 * `waitForLateAcks`, the emulator waits for late answers so their true time is measured, and
 * then plays Discord's verdict on them: the token of an answer later than 3 s is killed.
 */
export async function sendCommands(
  target: BenchTarget,
  commands: { actor: Actor; interaction: Record<string, unknown> }[],
  inFlight: number,
  waitForLateAcks = false,
): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  let next = 0;
  const worker = async () => {
    while (next < commands.length) {
      const { actor, interaction } = commands[next++] as (typeof commands)[number];
      const started = performance.now();
      let answer: SendInteractionResponse;
      try {
        answer = await target.emulator.sendInteraction({
          url: `${target.botOrigin}/interactions`,
          interaction,
          ...(waitForLateAcks ? { timeoutMs: 60_000 } : {}),
        });
        if (waitForLateAcks && performance.now() - started > DISCORD_ACK_DEADLINE_MS)
          await target.emulator.expireToken(answer.token);
      } catch (error) {
        sent.push({
          actor,
          token: "",
          status: 0,
          responseType: null,
          ackMs: performance.now() - started,
          error: String(error),
        });
        continue;
      }
      sent.push({
        actor,
        token: answer.token,
        status: answer.status,
        responseType: (answer.body as { type?: number } | null)?.type ?? null,
        ackMs: performance.now() - started,
        ...(answer.error ? { error: answer.error } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return sent;
}
