// Any message in a channel's history, posted or seeded, as the bot reads it.
import { asReadByBot } from "../channel-access.ts";
import type { Emulator } from "../context.ts";
import type { JsonObject } from "../json.ts";
import { toDiscordMessage } from "../messages.ts";
import { seededMessageJson } from "./seeded-history.ts";

export function readMessage(emulator: Emulator, id: string): JsonObject | null {
  const { state, origin } = emulator;
  const posted = state.messages.get(id);
  if (posted) return asReadByBot(state, toDiscordMessage(posted, origin));
  const seeded = state.seeded.get(id);
  if (!seeded) return null;
  const exists = (other: string) => state.seeded.has(other) || state.messages.has(other);
  return asReadByBot(state, seededMessageJson(seeded, origin, exists));
}
