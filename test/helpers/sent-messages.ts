// The message bodies the bot sent, as the emulator's request log recorded them.
import { emulator, type RecordedRequest } from "./emulator.ts";

// Routes that create or edit a message: channel messages, webhook executes and edits
// (interaction tokens included), and interaction callbacks.
const SEND_ROUTE =
  /^\/(channels\/\d+\/messages(\/\d+)?|webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?|interactions\/\d+\/[^/]+\/callback)$/;

export function isSendRoute(request: RecordedRequest): boolean {
  return (request.method === "POST" || request.method === "PATCH") && SEND_ROUTE.test(request.path);
}

/** The JSON part of a recorded send: the body, or `payload_json` of a multipart body. */
export function sentPayload(request: RecordedRequest): Record<string, unknown> {
  const body = request.body as Record<string, unknown> | null;
  if (body && typeof body === "object" && "payload_json" in body)
    return (body.payload_json ?? {}) as Record<string, unknown>;
  return body ?? {};
}

/** A callback's message is under `data`; any other send is the message itself. */
export function sentMessage(request: RecordedRequest): Record<string, unknown> {
  const payload = sentPayload(request);
  return request.path.endsWith("/callback")
    ? ((payload.data ?? {}) as Record<string, unknown>)
    : payload;
}

/** Every send in the log after `since` whose path mentions one of `ids` (token, channel…). */
export async function sendsTouching(ids: string[], since = 0): Promise<RecordedRequest[]> {
  const all = await emulator.requests(undefined, since);
  return all.filter((r) => isSendRoute(r) && ids.some((id) => id && r.path.includes(id)));
}

/** Result messages of completed workflows: their embed's title says the workflow finished. */
export function finalMessages<M extends { embeds: unknown[] }>(messages: M[]): M[] {
  return messages.filter((m) => /"title":"✅ [^"]* finished"/.test(JSON.stringify(m.embeds)));
}
