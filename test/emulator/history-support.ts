// Shared by the history tests: read pages of a channel as the bot does.
import type { APIMessage } from "discord-api-types/v10";
import { expect } from "vitest";
import { emulator } from "../helpers/emulator.ts";

export async function page(channelId: string, query = ""): Promise<APIMessage[]> {
  const response = await emulator.api(`/channels/${channelId}/messages${query ? `?${query}` : ""}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as APIMessage[];
}

export const ids = (messages: readonly { id: string }[]): string[] => messages.map((m) => m.id);

/** Snowflakes compared as numbers. */
export function isNewestFirst(list: readonly string[]): boolean {
  return list.every((id, i) => i === 0 || BigInt(id) < BigInt(list[i - 1] as string));
}

/** No rate limit in the way of a test that reads many pages of its own channel. */
export function unlimited(channelId: string): Promise<{ ok: true }> {
  return emulator.setRateLimit({ match: channelId, limit: 100_000, windowMs: 1000 });
}

/** Every id of the channel, oldest first, from the control API (the truth pages are checked against). */
export async function allIds(channelId: string): Promise<string[]> {
  const all: string[] = [];
  let after: string | undefined;
  for (;;) {
    const { messages } = await emulator.history(channelId, { after, limit: 10_000 });
    if (messages.length === 0) return all;
    all.push(...ids(messages));
    after = all.at(-1);
  }
}
