// A live view client for tests in workerd: signed links, and a WebSocket opened through the
// Worker's real router (exports.default.fetch with Upgrade: websocket), as a browser would.
import { env, exports } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { LIVE_PING, LIVE_PONG } from "../../src/live/socket-limits.ts";
import { signLiveLink } from "../../src/secrets/link-signing.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { LiveServerMessage } from "../../src/tracker/live-protocol.ts";
import type { WorkflowEvent } from "../../src/tracker/schema.ts";

export const BOT = "http://bot.test";
/** Well inside LIVE_SOCKET_IDLE_SECONDS of vitest.config.ts. */
const TEST_PING_INTERVAL_MS = 400;

export function sigFor(workflowId: string, expiresAt = Date.now() + 3_600_000): Promise<string> {
  // An optional secret in production; vitest.config.ts always sets it for the workers tests.
  return signLiveLink(env.LINK_SIGNING_SECRET ?? "", workflowId, expiresAt);
}

export async function signedUrl(workflowId: string, suffix = ""): Promise<string> {
  return `${BOT}/w/${workflowId}${suffix}?sig=${encodeURIComponent(await sigFor(workflowId))}`;
}

export interface LiveSocket {
  ws: WebSocket;
  messages: LiveServerMessage[];
  events(): WorkflowEvent[];
  closed: Promise<{ code: number; reason: string }>;
  hello(since: unknown): void;
  /** Waits until `check` holds for the messages received so far. */
  until(check: (messages: LiveServerMessage[]) => boolean, timeout?: number): Promise<void>;
}

export interface SocketOptions {
  sig?: string;
  /** The client address the edge would report; a fresh one per socket unless given. */
  client?: string;
  /** Ping like the page does (default), or fall silent to be dropped as idle. */
  ping?: boolean;
  /** The page's language, as the page passes it with its socket URL. */
  lang?: string;
}

let clients = 0;

export async function openSocket(
  workflowId: string,
  options: SocketOptions = {},
): Promise<LiveSocket> {
  const sig = options.sig ?? (await sigFor(workflowId));
  const lang = options.lang === undefined ? "" : `&lang=${encodeURIComponent(options.lang)}`;
  const url = `${BOT}/w/${workflowId}/socket?sig=${encodeURIComponent(sig)}${lang}`;
  const client = options.client ?? `198.51.100.${++clients % 250}`;
  const response = await exports.default.fetch(url, {
    headers: { upgrade: "websocket", "cf-connecting-ip": client },
  });
  expect(response.status, await bodyOf(response)).toBe(101);
  const ws = response.webSocket as WebSocket;
  const messages: LiveServerMessage[] = [];
  const pinger =
    options.ping === false
      ? undefined
      : setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(LIVE_PING);
        }, TEST_PING_INTERVAL_MS);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.addEventListener("close", (event) => {
      clearInterval(pinger);
      resolve({ code: event.code, reason: event.reason });
    });
  });
  ws.addEventListener("message", (event) => {
    if (event.data === LIVE_PONG) return;
    messages.push(JSON.parse(event.data as string) as LiveServerMessage);
  });
  ws.accept();
  return {
    ws,
    messages,
    closed,
    events: () => messages.flatMap((message) => (message.type === "event" ? [message.event] : [])),
    hello: (since) => ws.send(JSON.stringify({ type: "hello", since })),
    until: (check, timeout = 20_000) =>
      vi.waitFor(
        () => {
          if (!check(messages)) throw new Error(`not yet: ${messages.length} messages`);
        },
        { timeout, interval: 20 },
      ),
  };
}

async function bodyOf(response: Response): Promise<string> {
  return response.status === 101 ? "" : await response.clone().text();
}

/** The tracker's whole event log, read page by page through its RPC. */
export async function allEvents(workflowId: string): Promise<WorkflowEvent[]> {
  const events: WorkflowEvent[] = [];
  for (;;) {
    const page = await trackerStub(env, workflowId).events(events.at(-1)?.seq ?? 0);
    events.push(...page);
    if (page.length === 0) return events;
  }
}
