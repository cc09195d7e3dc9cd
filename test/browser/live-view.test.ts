// The live view in a real browser: Debian's Chromium (playwright-core, no downloaded browser)
// against the bot under `wrangler dev` and the Discord emulator. A user runs /autointel, opens
// the "Live view" button of the progress message, loses the socket mid-run, and still sees every
// event exactly once, progress reaching 100 % and the result. Without Chromium it is skipped,
// saying why, except in CI (CI=true), where it fails (support/chromium.ts).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootLocalStack, type LocalStack } from "../../scripts/local-stack.ts";
import { type RunningTestSites, startTestSites } from "../support/test-site.ts";
import { CHROMIUM, chromiumVerdict } from "./support/chromium.ts";

const CHROMIUM_VERDICT = chromiumVerdict();
const HAS_CHROMIUM = CHROMIUM_VERDICT.kind === "run";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];
/** Where the screenshot goes; `LIVE_VIEW_SCREENSHOT=docs/live-view.png` refreshes the README's. */
const SCREENSHOT = resolve(process.env.LIVE_VIEW_SCREENSHOT ?? join(tmpdir(), "live-view.png"));

/** What the page exposes as window.__liveView (src/live/live-page-script.ts). */
interface LiveViewProbe {
  seqs: number[];
  lastSeq: number;
  reconnects: number;
  duplicates: number;
  connected: boolean;
  finished: boolean;
  state: { status: string; progress: { fraction: number } };
}

async function probe(page: Page): Promise<LiveViewProbe> {
  return page.evaluate(() => {
    const view = (globalThis as unknown as { __liveView: LiveViewProbe }).__liveView;
    const { seqs, lastSeq, reconnects, duplicates, connected, finished, state } = view;
    return { seqs, lastSeq, reconnects, duplicates, connected, finished, state };
  });
}

async function until(page: Page, check: (view: LiveViewProbe) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await probe(page);
    if (check(view)) return view;
    if (Date.now() > deadline)
      throw new Error(`live view never got there: ${JSON.stringify(view)}`);
    await page.waitForTimeout(100);
  }
}

interface Button {
  label?: string;
  url?: string;
}

/** Plays the user: /autointel through the emulator, then the Live view button's link. */
async function startAutointel(stack: LocalStack, siteUrl: string): Promise<string> {
  const control = `${stack.emulator.origin}/_emulator`;
  const sent = await fetch(`${control}/send-interaction`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      url: `${stack.botOrigin}/interactions`,
      interaction: {
        type: 2,
        data: {
          name: "autointel",
          type: 1,
          options: [
            { name: "url", type: 3, value: siteUrl },
            { name: "depth", type: 3, value: "standard" },
          ],
        },
      },
    }),
  });
  const answer = (await sent.json()) as { status: number; body: { type?: number }; token: string };
  expect(answer.body?.type, JSON.stringify(answer)).toBe(5);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const listed = await fetch(`${control}/messages?token=${encodeURIComponent(answer.token)}`);
    const { messages } = (await listed.json()) as { messages: { components: unknown[] }[] };
    const buttons = messages
      .flatMap((m) => m.components as { components?: Button[] }[])
      .flatMap((row) => row.components ?? []);
    const live = buttons.find((b) => b.label === "Live view");
    if (live?.url) return live.url;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error("the progress message never showed a Live view button");
}

describe("live view in headless Chromium", () => {
  let stack: LocalStack | undefined;
  let sites: RunningTestSites | undefined;
  let context: BrowserContext | undefined;
  const scratch = mkdtempSync(join(tmpdir(), "live-view-"));

  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    sites = await startTestSites();
    stack = await bootLocalStack({
      tokenTtlSeconds: 900,
      persistTo: join(scratch, "state"),
      wranglerOutput: { file: join(scratch, "wrangler.log") },
      // The stack signs live view links for its own address (scripts/local-stack.ts).
      extraVars: { CRAWL_POLITENESS_MS: "300" },
    });
    context = await chromium.launchPersistentContext(join(scratch, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
      colorScheme: "light",
    });
  });

  afterAll(async () => {
    await context?.close();
    await stack?.stop();
    await sites?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("follows a workflow to 100 % across a dropped socket, every event once", async (ctx) => {
    if (CHROMIUM_VERDICT.kind === "fail") throw new Error(CHROMIUM_VERDICT.reason);
    if (CHROMIUM_VERDICT.kind === "skip") {
      console.warn(CHROMIUM_VERDICT.reason);
      ctx.skip(CHROMIUM_VERDICT.reason);
      return;
    }
    if (!stack || !sites || !context)
      throw new Error("the local stack or the browser did not start");
    const link = await startAutointel(stack, `${sites.deepOrigin}/`);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(link);
    expect(await page.locator("h1").textContent()).toBe("Site analysis");

    const live = await until(page, (v) => v.connected && v.state.status === "running", 30_000);
    // A forced drop mid-run: the page must come back and resume from its last seq.
    await until(page, (v) => v.lastSeq > live.lastSeq, 30_000);
    await page.evaluate(() =>
      (globalThis as unknown as { __liveView: { dropSocket(): void } }).__liveView.dropSocket(),
    );
    const dropped = await probe(page);
    expect(dropped.state.status).toBe("running");
    await until(page, (v) => v.reconnects >= 1 && v.lastSeq > dropped.lastSeq, 60_000);

    const done = await until(page, (v) => v.finished, 120_000);
    expect(await page.locator("#percent").textContent()).toBe("100%");
    expect(await page.locator("#bar").getAttribute("aria-valuenow")).toBe("100");
    expect(await page.locator("#result a.button").textContent()).toBe("Download report.md");
    expect(done.duplicates).toBe(0);
    expect(pageErrors).toEqual([]);

    // The page saw exactly the tracker's event log: the final page embeds all of it.
    const finalPage = await (await fetch(link)).text();
    const json = /<script type="application\/json" id="live-data">(.*?)<\/script>/s.exec(finalPage);
    const embedded = JSON.parse(json?.[1] ?? "{}") as { events: { seq: number }[] };
    expect(done.seqs).toEqual(embedded.events.map((e) => e.seq));

    const report = await page.locator("#result a.button").getAttribute("href");
    const download = await fetch(new URL(report ?? "", link));
    expect(download.status).toBe(200);
    expect(await download.text()).toContain("#");

    // A German browser gets the page, and its script's texts and numbers, in German.
    const german = await context.newPage();
    german.on("pageerror", (error) => pageErrors.push(error.message));
    await german.setExtraHTTPHeaders({ "accept-language": "de-DE,de;q=0.9" });
    await german.goto(link);
    expect(await german.locator("html").getAttribute("lang")).toBe("de");
    await until(german, (v) => v.finished, 30_000);
    expect(await german.locator("#status").textContent()).toBe("Abgeschlossen");
    expect(await german.locator("#percent").textContent()).toBe("100\u00a0%");
    expect(await german.locator("#connection").textContent()).toBe("Endstand");
    expect(await german.locator("#result a.button").textContent()).toBe("report.md herunterladen");
    expect(pageErrors).toEqual([]);
    await german.close();

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: "disabled" });
    console.log(`live view screenshot: ${SCREENSHOT}`);
  });
});
