import type { APIAllowedMentions } from "discord-api-types/v10";

// Who a message may ping. Discord's default is "whatever the text mentions", so text from a
// page or a user could ping @everyone; every message the bot sends says it instead.

/** Nobody is pinged, whatever the text says. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

/** Only these users are pinged (the workflow's owner, when the result lands outside the reply). */
export function onlyUsers(userIds: string[]): APIAllowedMentions {
  return { parse: [], users: userIds };
}

/** `body` with `allowed_mentions` set: its own when it has one, otherwise nobody. */
export function withAllowedMentions<T extends { allowed_mentions?: APIAllowedMentions | null }>(
  body: T,
): T {
  return body.allowed_mentions ? body : { ...body, allowed_mentions: NO_MENTIONS };
}
