// Small assertions shared by the emulator's own tests.
import { expect } from "vitest";
import { emulator } from "../helpers/emulator.ts";

export type DiscordError = { code: number; message: string; errors?: Record<string, unknown> };

/** Asserts a Discord JSON error and returns its body. */
export async function expectDiscordError(
  response: Response,
  status: number,
  code: number,
): Promise<DiscordError> {
  const body = (await response.json()) as DiscordError;
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(typeof body.message).toBe("string");
  return body;
}

export function postToChannel(channelId: string, json: unknown): Promise<Response> {
  return emulator.api(`/channels/${channelId}/messages`, { method: "POST", json });
}

/** `/webhooks/{app}/{token}…` for an interaction token. */
export function interactionWebhook(token: string, suffix = ""): string {
  return `/webhooks/${emulator.applicationId}/${token}${suffix}`;
}

export type DiscordMessage = {
  id: string;
  channel_id: string;
  content: string;
  flags: number;
  embeds: unknown[];
  attachments: { id: string; filename: string; size: number; description?: string }[];
  webhook_id?: string;
  nonce?: string | number;
  author: { id: string; username: string; bot?: boolean };
  edited_timestamp: string | null;
};
