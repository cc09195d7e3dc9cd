// Plays Discord delivering an interaction: sign it, POST it to the bot, record what it answered.

import type { Emulator } from "../context.ts";
import type { SendInteractionResponse } from "../contract-types.ts";
import {
  applyInteractionResponse,
  refuseLargeMultipartResponse,
} from "../interaction-responses.ts";
import { INITIAL_RESPONSE_MS } from "../interactions.ts";
import { isObject, type JsonObject } from "../json.ts";
import { parseBody } from "../request-body.ts";
import { nowSecondsString } from "../signing.ts";
import { buildInteraction } from "./interaction-payload.ts";

export type SendInteractionInput = {
  url: string;
  interaction: JsonObject;
  ttlMs?: number;
  timeoutMs?: number;
};

export async function sendInteraction(
  emulator: Emulator,
  input: SendInteractionInput,
): Promise<SendInteractionResponse> {
  const { record, interaction } = buildInteraction(emulator, input.interaction, input.ttlMs);
  const result = { interactionId: record.id, token: record.token };
  const body = JSON.stringify(interaction);
  const timestamp = nowSecondsString();
  let response: Response;
  let raw: Buffer;
  try {
    response = await fetch(input.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
        "x-signature-ed25519": await emulator.signer.sign(timestamp, body),
        "x-signature-timestamp": timestamp,
      },
      body,
      signal: AbortSignal.timeout(input.timeoutMs ?? INITIAL_RESPONSE_MS),
    });
    // The body is part of the answer: a body still streaming at the deadline is no answer.
    raw = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // Discord gives up after 3 s ("The application did not respond") and the token dies with it.
    record.expiresAt = Date.now();
    return { status: 0, body: null, ...result, error: describeFetchError(error) };
  }
  const parsed = await parseBody(raw, response.headers.get("content-type"));
  const answer =
    parsed.kind === "json" ? parsed.value : parsed.kind === "empty" ? null : raw.toString("utf8");
  const sent: SendInteractionResponse = { status: response.status, body: answer, ...result };
  if (response.status !== 200) return sent;
  const tooLarge = refuseLargeMultipartResponse(parsed, raw.length);
  if (tooLarge) {
    // Discord shows "This interaction failed"; the bot's files never arrive.
    return {
      ...sent,
      error: `Discord would refuse this response: ${JSON.stringify(tooLarge.json)}`,
    };
  }
  const payload = parsed.kind === "multipart" ? parsed.payload : answer;
  if (!isObject(payload))
    return { ...sent, error: "the bot's answer is not a JSON interaction response" };
  const files = parsed.kind === "multipart" ? parsed.files : [];
  const applied = applyInteractionResponse(emulator, record, payload, files);
  if (!applied.ok) {
    return {
      ...sent,
      error: `Discord would refuse this response: ${JSON.stringify(applied.response.json)}`,
    };
  }
  return sent;
}

function describeFetchError(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return "timeout";
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
