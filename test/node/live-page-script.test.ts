// The live page's inline script, run in Node against a minimal fake of the browser APIs it uses:
// a refused socket upgrade (close 1006 before open) is probed once; a fatal answer stops retries;
// reconnects back off (1 s doubling to 30 s) and start again at 1 s after a good session.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LIVE_PAGE_SCRIPT } from "../../src/http/live/live-page-script.ts";

interface FakeSocket {
  url: string;
  onopen?: () => void;
  onclose?: (event: { code: number }) => void;
  onmessage?: (event: { data: string }) => void;
  readyState: number;
  send(data: string): void;
  close(): void;
}

function fakeElement() {
  return {
    textContent: "",
    className: "",
    style: {} as Record<string, string>,
    setAttribute() {},
    appendChild() {},
    replaceWith() {},
  };
}

function runPage(probeStatus: number, probeBody: unknown) {
  const sockets: FakeSocket[] = [];
  const probes: string[] = [];
  const timers: (() => void)[] = [];
  /** The delay of each setTimeout the page asked for, in order. */
  const delays: number[] = [];
  const elements = new Map<string, ReturnType<typeof fakeElement>>();
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
  };
  const data = { state, events: [], moreEvents: false, socketPath: "/w/x/socket?sig=s" };
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
  const view = window.__liveView as { fatal: { code: string; message: string } | null };
  return { sockets, probes, timers, delays, elements, view };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the live page script", () => {
  it("stops, saying why, when a refused upgrade turns out to be an expired link", async () => {
    const page = runPage(403, { error: "This link has expired.", status: 403 });
    expect(page.sockets).toHaveLength(1);
    page.sockets[0]?.onclose?.({ code: 1006 });
    await settle();
    expect(page.probes).toEqual(["/w/x/socket?sig=s"]);
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
