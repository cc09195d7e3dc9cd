// Over 300 lines on purpose: one class, because connect, hello, replay and publish share one
// protocol over each socket's hibernation attachment (its position in the event log).
import { rawText } from "../discord/render/localized-text.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { renderText, type TextRef, textRef } from "../i18n/text-ref.ts";
import {
  DEFAULT_LIVE_SOCKET_LIMITS,
  LIVE_CLIENT_HEADER,
  LIVE_PING,
  LIVE_PONG,
  type LiveSocketLimits,
} from "../live/socket-limits.ts";
import { liveLocaleOf } from "../live/socket-locale.ts";
import type { Logger } from "../log.ts";
import {
  LIVE_CLOSE_CODES,
  LIVE_CLOSE_SETTLED,
  type LiveErrorCode,
  type LiveServerMessage,
  parseClientMessage,
} from "./live-protocol.ts";
import type { LiveState } from "./live-state.ts";
import type { WorkflowEvent } from "./schema.ts";

/** Open sockets per workflow; one more is refused with too_many_sockets. */
export const MAX_LIVE_SOCKETS = 20;
/** A socket that has not said hello by then loses its slot when the next one connects. */
const HELLO_TIMEOUT_MS = 30_000;
const EVENTS_PER_READ = 500;
/** The page embeds at most this many events; its socket replays the rest. */
const MAX_EMBEDDED_EVENTS = 5000;

/**
 * The tracker's storage as the live view reads it: a snapshot built for the page (no token, no
 * raw row) and the event log. The hub runs no SQL of its own.
 */
export interface LiveStore {
  /** The workflow as the page shows it, in `locale`; null before it exists or once purged. */
  snapshot(now: number, locale: Locale): LiveState | null;
  events(since: number, limit: number): WorkflowEvent[];
}

/** Per-socket state, kept in the socket's attachment so it survives hibernation. */
interface SocketAttachment {
  phase: "awaiting_hello" | "live";
  /** The last event this socket was sent: everything after it in the log is still owed. */
  lastSentSeq: number;
  connectedAt: number;
  /** When the client last sent a message (pings are answered by the runtime: see lastHeard). */
  lastMessageAt?: number;
  /** Who connected (CF-Connecting-IP), for the per-client cap. */
  client?: string;
  /** The page's language: its states and error messages are rendered in it (absent: English). */
  locale?: Locale;
}

/** What GET /live/view of a tracker answers: the state and the log so far. */
export interface LiveView {
  state: LiveState;
  events: WorkflowEvent[];
  /** More events exist after the embedded ones: the page's socket replays them. */
  moreEvents: boolean;
}

/**
 * The live view inside one WorkflowTracker: accepts hibernatable sockets, replays the event log
 * after the seq each client last saw, and streams new events. Every socket's position in the log
 * lives in its attachment, so a socket is sent each event exactly once and in order, whether the
 * event reaches it by replay or by publish.
 */
export class LiveHub {
  private readonly ctx: DurableObjectState;
  private readonly store: LiveStore;
  private readonly logger: () => Logger;

  private readonly limits: LiveSocketLimits;

  /** `logger` is called only when there is something to log: it may read storage. */
  constructor(
    ctx: DurableObjectState,
    store: LiveStore,
    logger: () => Logger,
    limits: LiveSocketLimits = DEFAULT_LIVE_SOCKET_LIMITS,
  ) {
    this.ctx = ctx;
    this.store = store;
    this.logger = logger;
    this.limits = limits;
    // Pings keep a socket from its idle timeout without waking (and billing) the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
  }

  private get log(): Logger {
    return this.logger().with({ component: "live" });
  }

  async fetch(request: Request): Promise<Response> {
    try {
      const path = new URL(request.url).pathname;
      if (path === "/live/socket") return this.connect(request);
      if (path === "/live/view" && request.method === "GET") return this.view(request);
      return Response.json({ error: "Not found" }, { status: 404 });
    } catch (error) {
      this.log.error("live.fetch_failed", { error });
      return Response.json({ error: "Internal error" }, { status: 500 });
    }
  }

  async message(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    try {
      const attachment = attachmentOf(ws);
      if (attachment) setAttachment(ws, { ...attachment, lastMessageAt: Date.now() });
      this.hello(ws, raw);
    } catch (error) {
      this.log.error("live.message_failed", { error });
      this.reject(ws, "bad_message", textRef("live.errorInternal"));
    }
  }

  async close(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      this.log.info("live.socket_closed", { code });
    } catch (error) {
      this.log.error("live.close_failed", { error });
    } finally {
      // The hibernation API does not answer a client's close frame for us. 1004/1005/1006/1015 are
      // reserved codes that close() refuses.
      ws.close([1004, 1005, 1006, 1015].includes(code) ? 1000 : code, reason);
    }
  }

  async error(ws: WebSocket, error: unknown): Promise<void> {
    this.log.warn("live.socket_error", { error, phase: attachmentOf(ws)?.phase });
  }

  /** Sends every live socket what the log holds beyond its position; closes them once settled. */
  publish(): void {
    if (this.ctx.getWebSockets().length === 0) return;
    const sockets = this.sweep(Date.now());
    // One snapshot per language the open pages read.
    const states = new Map<Locale, LiveState | null>();
    for (const ws of sockets) {
      const attachment = attachmentOf(ws);
      if (attachment?.phase !== "live") continue;
      const locale = attachment.locale ?? DEFAULT_LOCALE;
      if (!states.has(locale)) states.set(locale, this.store.snapshot(Date.now(), locale));
      const state = states.get(locale);
      if (!state) return;
      this.catchUp(ws);
      send(ws, { type: "state", state });
      if (state.settled) ws.close(LIVE_CLOSE_SETTLED, "workflow settled");
    }
  }

  private connect(request: Request): Response {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: "Expected a WebSocket upgrade" }, { status: 426 });
    }
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    const now = Date.now();
    const locale = liveLocaleOf(new URL(request.url));
    const refuseWith = (code: LiveErrorCode, error: TextRef) =>
      refuse(client, server, code, renderText(rawText(locale), error));
    if (!this.store.snapshot(now, locale)) {
      return refuseWith("unknown_workflow", textRef("live.errorUnknownWorkflow"));
    }
    const open = this.sweep(now);
    const clientKey = request.headers.get(LIVE_CLIENT_HEADER) ?? "unknown";
    const fromClient = open.filter((ws) => attachmentOf(ws)?.client === clientKey).length;
    if (fromClient >= this.limits.perClient) {
      this.log.warn("live.client_limit", { limit: this.limits.perClient });
      return refuseWith(
        "client_limit",
        textRef("live.errorClientLimit", { limit: this.limits.perClient }),
      );
    }
    if (open.length >= MAX_LIVE_SOCKETS) {
      this.log.warn("live.too_many_sockets", { limit: MAX_LIVE_SOCKETS });
      return refuseWith(
        "too_many_sockets",
        textRef("live.errorTooManySockets", { limit: MAX_LIVE_SOCKETS }),
      );
    }
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({
      phase: "awaiting_hello",
      lastSentSeq: 0,
      connectedAt: now,
      client: clientKey,
      locale,
    } satisfies SocketAttachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * The sockets still open after closing those past their time: no hello in time, silent for
   * the idle timeout, or older than the maximum lifetime. Runs on every connect and publish, so
   * a stale socket never holds a slot someone asks for (no alarm of its own is needed).
   */
  private sweep(now: number): WebSocket[] {
    const open: WebSocket[] = [];
    for (const ws of this.ctx.getWebSockets()) {
      const attachment = attachmentOf(ws);
      if (!attachment || ws.readyState !== WebSocket.OPEN) continue;
      if (attachment.phase === "awaiting_hello" && now - attachment.connectedAt > HELLO_TIMEOUT_MS)
        this.reject(
          ws,
          "hello_missing",
          textRef("live.errorHelloMissing", { timeoutMs: HELLO_TIMEOUT_MS }),
        );
      else if (now - this.lastHeard(ws, attachment) > this.limits.idleMs)
        this.reject(ws, "idle_timeout", textRef("live.errorIdle"));
      else if (now - attachment.connectedAt > this.limits.maxLifetimeMs)
        this.reject(ws, "lifetime_over", textRef("live.errorLifetimeOver"));
      else open.push(ws);
    }
    return open;
  }

  private lastHeard(ws: WebSocket, attachment: SocketAttachment): number {
    const pinged = this.ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? 0;
    return Math.max(attachment.connectedAt, attachment.lastMessageAt ?? 0, pinged);
  }

  private hello(ws: WebSocket, raw: string | ArrayBuffer): void {
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) {
      this.reject(ws, parsed.code, parsed.error);
      return;
    }
    const attachment = attachmentOf(ws);
    if (attachment?.phase !== "awaiting_hello") {
      this.reject(ws, "bad_message", textRef("live.errorHelloTwice"));
      return;
    }
    const state = this.store.snapshot(Date.now(), attachment.locale ?? DEFAULT_LOCALE);
    if (!state) {
      this.reject(ws, "unknown_workflow", textRef("live.errorUnknownWorkflow"));
      return;
    }
    const last = state.lastSeq;
    const { since } = parsed.message;
    if (since > last) {
      this.reject(ws, "bad_seq", textRef("live.errorSeqBeyond", { since, last }));
      return;
    }
    setAttachment(ws, {
      ...attachment,
      phase: "live",
      lastSentSeq: since,
    });
    const sent = this.catchUp(ws);
    send(ws, { type: "caught_up", seq: sent });
    send(ws, { type: "state", state });
    if (state.settled) ws.close(LIVE_CLOSE_SETTLED, "workflow settled");
  }

  /** Sends what the log holds after the socket's position; returns the new position. */
  private catchUp(ws: WebSocket): number {
    const attachment = attachmentOf(ws);
    if (!attachment) return 0;
    let position = attachment.lastSentSeq;
    for (;;) {
      const page = this.store.events(position, EVENTS_PER_READ);
      for (const event of page) {
        if (!send(ws, { type: "event", event })) break;
        position = event.seq;
      }
      if (page.length < EVENTS_PER_READ || position !== page.at(-1)?.seq) break;
    }
    if (position !== attachment.lastSentSeq)
      setAttachment(ws, { ...attachment, lastSentSeq: position });
    return position;
  }

  private view(request: Request): Response {
    const locale = liveLocaleOf(new URL(request.url));
    if (!this.store.snapshot(Date.now(), locale))
      return Response.json({ error: "No workflow with this id" }, { status: 404 });
    const events: WorkflowEvent[] = [];
    let position = 0;
    while (events.length < MAX_EMBEDDED_EVENTS) {
      const page = this.store.events(position, EVENTS_PER_READ);
      events.push(...page);
      position = page.at(-1)?.seq ?? position;
      if (page.length < EVENTS_PER_READ) break;
    }
    const state = this.store.snapshot(Date.now(), locale);
    if (!state) return Response.json({ error: "No workflow with this id" }, { status: 404 });
    const last = state.lastSeq;
    const view: LiveView = {
      state,
      events,
      moreEvents: position < last,
    };
    return Response.json(view);
  }

  private reject(ws: WebSocket, code: LiveErrorCode, error: TextRef): void {
    this.log.info("live.rejected", { code });
    const message = renderText(rawText(attachmentOf(ws)?.locale ?? DEFAULT_LOCALE), error);
    send(ws, { type: "error", code, message });
    // The reason is the error code: close reasons are capped at 123 bytes.
    ws.close(LIVE_CLOSE_CODES[code], code);
  }
}

function attachmentOf(ws: WebSocket): SocketAttachment | null {
  return (ws.deserializeAttachment() as SocketAttachment | null) ?? null;
}

function setAttachment(ws: WebSocket, attachment: SocketAttachment): void {
  ws.serializeAttachment(attachment);
}

/** False when the socket is already closing: its position then stays where it was. */
function send(ws: WebSocket, message: LiveServerMessage): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  ws.send(JSON.stringify(message));
  return true;
}

/** Answers the upgrade, says why, and closes: the refused socket never takes a slot. */
function refuse(
  client: WebSocket,
  server: WebSocket,
  code: LiveErrorCode,
  message: string,
): Response {
  server.accept();
  send(server, { type: "error", code, message });
  server.close(LIVE_CLOSE_CODES[code], code);
  return new Response(null, { status: 101, webSocket: client });
}
