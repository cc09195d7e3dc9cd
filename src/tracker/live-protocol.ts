// The live view's WebSocket protocol. Text frames carrying JSON, both ways.
//
// client → server   {"type":"hello","since":<last seq seen, 0 for none>}   first JSON message
//                   "ping"   every LIVE_PING_INTERVAL_MS; answered "pong" by the runtime without
//                     waking the object, and what keeps the socket from its idle timeout
// server → client   {"type":"event","event":{seq,at,type,data}}   every event after `since`,
//                     in order, each exactly once: the replay from the log, then live ones
//                   {"type":"caught_up","seq":<last seq sent>}   the replay is complete
//                   {"type":"state","state":LiveState}   the current state; latest wins
//                   {"type":"error","code":…,"message":…}   then the server closes with the
//                     matching close code (LIVE_CLOSE_CODES); the message is for people, in
//                     the socket's language (`lang` of the socket URL, English by default)
// When the workflow has settled (finished and its result delivered or orphaned) the server sends
// a final state and closes with 1000; a page then shows the final view without a socket.

import { type TextRef, textRef } from "../i18n/text-ref.ts";
import type { LiveState } from "./live-state.ts";
import type { WorkflowEvent } from "./schema.ts";

export type LiveErrorCode =
  | "bad_seq"
  | "bad_message"
  | "unknown_workflow"
  | "too_many_sockets"
  | "client_limit"
  | "idle_timeout"
  | "lifetime_over"
  | "hello_missing";

export const LIVE_CLOSE_CODES: Record<LiveErrorCode, number> = {
  bad_seq: 4400,
  bad_message: 4400,
  hello_missing: 4400,
  unknown_workflow: 4404,
  too_many_sockets: 4429,
  client_limit: 4429,
  idle_timeout: 4408,
  lifetime_over: 4408,
};

export const LIVE_CLOSE_SETTLED = 1000;

export type LiveServerMessage =
  | { type: "event"; event: WorkflowEvent }
  | { type: "caught_up"; seq: number }
  | { type: "state"; state: LiveState }
  | { type: "error"; code: LiveErrorCode; message: string };

export type LiveClientMessage = { type: "hello"; since: number };

export type ParsedClientMessage =
  | { ok: true; message: LiveClientMessage }
  | { ok: false; code: LiveErrorCode; error: TextRef };

const MAX_CLIENT_MESSAGE_CHARS = 1024;

export function parseClientMessage(raw: string | ArrayBuffer): ParsedClientMessage {
  if (typeof raw !== "string" || raw.length > MAX_CLIENT_MESSAGE_CHARS) {
    return { ok: false, code: "bad_message", error: textRef("live.errorShortMessage") };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, code: "bad_message", error: textRef("live.errorNotJson") };
  }
  if (
    typeof value !== "object" ||
    value === null ||
    (value as { type?: unknown }).type !== "hello"
  ) {
    return { ok: false, code: "bad_message", error: textRef("live.errorNotHello") };
  }
  const since = (value as { since?: unknown }).since;
  if (typeof since !== "number" || !Number.isSafeInteger(since) || since < 0) {
    return { ok: false, code: "bad_seq", error: textRef("live.errorBadSince") };
  }
  return { ok: true, message: { type: "hello", since } };
}
