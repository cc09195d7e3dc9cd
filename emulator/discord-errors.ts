// Discord's JSON error bodies, by the codes the bot has to tell apart (see /work/shared/FACTS.md).
import { type ApiResponse, jsonResponse } from "./http-types.ts";

function discordError(status: number, code: number, message: string): ApiResponse {
  return jsonResponse(status, { message, code });
}

export const notFoundRoute = () => discordError(404, 0, "404: Not Found");
export const methodNotAllowed = () => discordError(405, 0, "405: Method Not Allowed");
export const unauthorized = () => discordError(401, 0, "401: Unauthorized");
export const invalidWebhookToken = () => discordError(401, 50027, "Invalid Webhook Token");
export const unknownWebhook = () => discordError(404, 10015, "Unknown Webhook");
export const unknownMessage = () => discordError(404, 10008, "Unknown Message");
export const unknownChannel = () => discordError(404, 10003, "Unknown Channel");
export const unknownInteraction = () => discordError(404, 10062, "Unknown interaction");
export const unknownCommand = () => discordError(404, 10063, "Unknown application command");
export const alreadyAcknowledged = () =>
  discordError(400, 40060, "Interaction has already been acknowledged.");
export const missingAccess = () => discordError(403, 50001, "Missing Access");
export const missingPermissions = () => discordError(403, 50013, "Missing Permissions");
export const cannotMessageUser = () =>
  discordError(403, 50007, "Cannot send messages to this user");
export const noMutualGuilds = () =>
  discordError(403, 50278, "Cannot send messages to this user due to having no mutual guilds");
export const maxWebhooks = () =>
  discordError(400, 30007, "Maximum number of webhooks reached (15)");
export const emptyMessage = () => discordError(400, 50006, "Cannot send an empty message");
export const entityTooLarge = () => discordError(413, 40005, "Request entity too large");
export const invalidJson = () =>
  discordError(400, 50109, "The request body contains invalid JSON.");
export const cannotEditOthersMessage = () =>
  discordError(403, 50005, "Cannot edit a message authored by another user");
