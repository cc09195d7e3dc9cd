// Node side of the bench Worker's /bench/ API, and signed interactions built like Discord's.
import type { EmulatorClient } from "../scripts/emulator-client.ts";

export interface BenchTarget {
  botOrigin: string;
  emulator: EmulatorClient;
  applicationId: string;
}

export async function benchCall<T>(target: BenchTarget, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.botOrigin}/bench/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`bench ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export type SignedBody = { body: string; signature: string; timestamp: string };

export interface Actor {
  userId: string;
  guildId: string;
  channelId: string;
}

let idSeq = 0;
/** Snowflake-shaped ids, unique within this run. */
export function benchId(): string {
  idSeq = (idSeq + 1) % 4096;
  return ((BigInt(Date.now() - 1_420_070_400_000) << 22n) | BigInt(idSeq)).toString();
}

export async function signed(
  target: BenchTarget,
  interaction: Record<string, unknown>,
): Promise<SignedBody> {
  const body = JSON.stringify(interaction);
  return { body, ...(await target.emulator.sign(body)) };
}

export function pingInteraction(target: BenchTarget): Record<string, unknown> {
  return {
    id: benchId(),
    application_id: target.applicationId,
    type: 1,
    token: `ping-${benchId()}`,
    version: 1,
  };
}

/**
 * A slash command as Discord sends it, with a token the emulator knows (its @original already
 * deferred), so the workflow's later edits land like they would on Discord.
 */
export async function commandInteraction(
  target: BenchTarget,
  name: string,
  options: { name: string; type: number; value: string | number }[],
  actor: Actor,
): Promise<Record<string, unknown>> {
  const issued = await target.emulator.createInteractionToken({
    channelId: actor.channelId,
    guildId: actor.guildId,
    userId: actor.userId,
  });
  return {
    id: issued.interactionId,
    application_id: target.applicationId,
    type: 2,
    token: issued.token,
    version: 1,
    guild_id: actor.guildId,
    channel_id: actor.channelId,
    channel: { id: actor.channelId, type: 0 },
    member: {
      user: {
        id: actor.userId,
        username: "bench",
        discriminator: "0",
        global_name: null,
        avatar: null,
      },
      roles: [],
      permissions: "0",
    },
    locale: "en-US",
    data: { id: benchId(), name, type: 1, options },
  };
}

export function freshActor(channelId?: string): Actor {
  return { userId: benchId(), guildId: benchId(), channelId: channelId ?? benchId() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no workflow runs and every result since `sinceMs` is delivered (bounded). */
export async function waitForQuiet(
  target: BenchTarget,
  sinceMs: number,
  timeoutMs: number,
  /** Results to wait for: a start message still queued has no D1 row yet, so "none running" alone is not quiet. */
  expectedResults = 0,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const counts = await benchCall<{ running: number; results: number; delivered: number }>(
      target,
      `unfinished?since=${sinceMs}`,
    );
    if (
      counts.running === 0 &&
      counts.results >= expectedResults &&
      counts.delivered === counts.results
    )
      return true;
    await sleep(500);
  }
  return false;
}
