// The live page's inline script, run in Node against a minimal fake of the browser APIs it uses:
// a refused socket upgrade (close 1006 before open) is probed once; a fatal answer stops retries;
// reconnects back off (1 s doubling to 30 s) and start again at 1 s after a good session; its
// texts are the page's language, numbers and durations formatted as the server formats them.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LIVE_PAGE_SCRIPT } from "../../src/http/live/live-page-script.ts";
import { scriptTexts } from "../../src/http/live/live-page-texts.ts";
import { type Locale, SUPPORTED_LOCALES } from "../../src/i18n/locales.ts";
import { formattersFor } from "../../src/i18n/translator.ts";

interface FakeSocket {
  url: string;
  onopen?: () => void;
  onclose?: (event: { code: number }) => void;
  onmessage?: (event: { data: string }) => void;
  readyState: number;
  send(data: string): void;
  close(): void;
}

interface FakeElement {
  textContent: string;
  className: string;
  style: Record<string, string>;
  children: FakeElement[];
  setAttribute(): void;
  appendChild(child: FakeElement): void;
  replaceWith(): void;
}

/** An element whose text is its own and its children's (joined by "|"), as far as tests read it. */
function fakeElement(): FakeElement {
  let own = "";
  return {
    get textContent() {
      return [own, ...this.children.map((child) => child.textContent)].filter(Boolean).join("|");
    },
    set textContent(text: string) {
      own = text;
      this.children = [];
    },
    className: "",
    style: {},
    children: [],
    setAttribute() {},
    appendChild(child) {
      this.children.push(child);
    },
    replaceWith() {},
  };
}

interface PageOptions {
  locale?: Locale;
  /** Overrides of the embedded state. */
  state?: Record<string, unknown>;
  events?: unknown[];
}

function runPage(probeStatus: number, probeBody: unknown, options: PageOptions = {}) {
  const sockets: FakeSocket[] = [];
  const probes: string[] = [];
  const timers: (() => void)[] = [];
  /** The delay of each setTimeout the page asked for, in order. */
  const delays: number[] = [];
  const elements = new Map<string, FakeElement>();
  const state = {
    workflowId: "w",
    status: "running",
    error: null,
    progress: { fraction: 0.2, label: "", stage: 0, stageCount: 2 },
    stages: [],
    clock: { receivedAt: 0, tokenExpiresAt: 1, tokenDead: true, handoffRoute: null },
    delivery: { state: "none", route: null, deliveredAt: null },
    finishedAt: null,
    settled: false,
    lastSeq: 0,
    serverNow: Date.now(),
    ...options.state,
  };
  const data = {
    state,
    events: options.events ?? [],
    moreEvents: false,
    socketPath: "/w/x/socket?sig=s&lang=de",
    texts: scriptTexts(options.locale ?? "en-US"),
  };
  const window: Record<string, unknown> = {};
  const document = {
    getElementById(id: string) {
      if (id === "live-data") return { textContent: JSON.stringify(data) };
      const existing = elements.get(id) ?? fakeElement();
      elements.set(id, existing);
      return existing;
    },
    createElement: fakeElement,
  };
  class WebSocket {
    url: string;
    readyState = 0;
    onopen?: () => void;
    onclose?: (event: { code: number }) => void;
    onmessage?: (event: { data: string }) => void;
    constructor(url: string) {
      this.url = url;
      sockets.push(this);
    }
    send() {}
    close() {}
  }
  const fetch = async (url: string) => {
    probes.push(url);
    return { status: probeStatus, json: async () => probeBody, text: async () => "" };
  };
  runInNewContext(LIVE_PAGE_SCRIPT, {
    window,
    document,
    WebSocket,
    fetch,
    location: { protocol: "http:", host: "bot.test", href: "http://bot.test/w/x" },
    setTimeout: (fn: () => void, delay: number) => {
      delays.push(delay);
      return timers.push(fn);
    },
    clearTimeout: () => {},
    setInterval: () => 0,
    clearInterval: () => {},
    DOMParser: class {},
    JSON,
    // The jitter takes the upper half of the delay; random() = 1 pins it to the top.
    Math: Object.create(Math, { random: { value: () => 1 } }),
    Date,
    String,
  });
  const view = window.__liveView as {
    fatal: { code: string; message: string } | null;
    duration(ms: number): string;
  };
  return { sockets, probes, timers, delays, elements, view };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the live page script", () => {
  it("stops, saying why, when a refused upgrade turns out to be an expired link", async () => {
    const page = runPage(403, { error: "This link has expired.", status: 403 });
    expect(page.sockets).toHaveLength(1);
    page.sockets[0]?.onclose?.({ code: 1006 });
    await settle();
    expect(page.probes).toEqual(["/w/x/socket?sig=s&lang=de"]);
    expect(page.view.fatal).toMatchObject({ message: "This link has expired." });
    expect(page.elements.get("connection")?.textContent).toContain("This link has expired.");
    // No reconnect was scheduled.
    for (const run of page.timers) run();
    expect(page.sockets).toHaveLength(1);
  });

  it("stops on an unknown workflow too", async () => {
    const page = runPage(404, { error: "No workflow", status: 404 });
    page.sockets[0]?.onclose?.({ code: 1006 });
    await settle();
    expect(page.view.fatal?.code).toBe("unknown_workflow");
  });

  it("retries with backoff when the link is fine (the probe asks for an upgrade)", async () => {
    const page = runPage(426, { error: "Expected a WebSocket upgrade", status: 426 });
    page.sockets[0]?.onclose?.({ code: 1006 });
    await settle();
    expect(page.view.fatal).toBeNull();
    expect(page.delays).toEqual([1000]);
    for (const run of page.timers.splice(0)) run();
    expect(page.sockets).toHaveLength(2);
  });

  /** Opens the newest socket, optionally lets it catch up, drops it, and runs the retry timer. */
  function dropOpenSocket(page: ReturnType<typeof runPage>, caughtUp: boolean): void {
    const socket = page.sockets.at(-1) as FakeSocket;
    socket.onopen?.();
    if (caughtUp) socket.onmessage?.({ data: JSON.stringify({ type: "caught_up" }) });
    socket.onclose?.({ code: 1006 });
    for (const run of page.timers.splice(0)) run();
  }

  it("doubles the reconnect delay from 1 s up to 30 s while sessions fail", () => {
    const page = runPage(426, {});
    for (let drop = 0; drop < 7; drop++) dropOpenSocket(page, false);
    expect(page.delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(page.sockets).toHaveLength(8);
  });

  it("starts again from 1 s after a session that caught up", () => {
    const page = runPage(426, {});
    for (let drop = 0; drop < 3; drop++) dropOpenSocket(page, false);
    dropOpenSocket(page, true);
    dropOpenSocket(page, false);
    expect(page.delays).toEqual([1000, 2000, 4000, 1000, 2000]);
  });

  it("stops on a fatal error message from an open socket without probing", async () => {
    const page = runPage(426, {});
    const socket = page.sockets[0] as FakeSocket;
    socket.onopen?.();
    socket.onmessage?.({
      data: JSON.stringify({ type: "error", code: "bad_seq", message: "reload the page" }),
    });
    socket.onclose?.({ code: 4400 });
    await settle();
    expect(page.probes).toEqual([]);
    expect(page.view.fatal?.code).toBe("bad_seq");
    for (const run of page.timers) run();
    expect(page.sockets).toHaveLength(1);
  });
});

describe("the live page script's language", () => {
  it("formats durations exactly as the server's Formatters do, in every locale", () => {
    const samples = [
      0, 400, 59_400, 61_000, 3_599_000, 3_600_000, 5_430_000, 90_000_000, 200_000_000,
    ];
    for (const locale of SUPPORTED_LOCALES) {
      const page = runPage(426, {}, { locale });
      for (const ms of samples)
        expect(page.view.duration(ms), `${locale} ${ms}`).toBe(formattersFor(locale).duration(ms));
    }
  });

  it("shows the page's language, numbers by Intl, outside text never read as a template", () => {
    const page = runPage(
      426,
      {},
      {
        locale: "de",
        state: {
          progress: { fraction: 0.5, label: "Seiten lesen", stage: 0, stageCount: 1200 },
          stages: [
            {
              name: "crawl",
              label: "Crawlen",
              status: "running",
              startedAt: 0,
              finishedAt: null,
              replays: 2,
            },
          ],
        },
        events: [
          {
            seq: 1,
            at: 0,
            type: "stage_retrying",
            data: { stage: 1233, error: "{stage} {route}" },
          },
        ],
      },
    );
    expect(page.elements.get("status")?.textContent).toBe("Läuft");
    expect(page.elements.get("percent")?.textContent).toBe(formattersFor("de").percent(0.5));
    expect(page.elements.get("label")?.textContent).toBe("Schritt 1 von 1.200 · Seiten lesen");
    expect(page.elements.get("event-log")?.textContent).toBe("Ereignisprotokoll (1)");
    expect(page.elements.get("connection")?.textContent).toBe("Verbinde …");
    expect(page.elements.get("stages")?.textContent).toMatch(/^1\. Crawlen \(2× neu gestartet\)\|/);
    expect(page.elements.get("warnings")?.textContent).toContain(
      "Schritt 1.234 ist fehlgeschlagen und wird wiederholt: {stage} {route}",
    );
  });
});
