// The HTML export in a real browser: Debian's Chromium (playwright-core) opens a file written by
// the export's HTML writer from a file:// URL with no network (image requests are answered with a
// blank pixel, anything else fails the test). Every message is there, the page's own script
// rewrote the times into the reader's zone, and no other script ran: the hostile message texts
// try to set window.__pwned, and a tampered copy of the file with injected scripts shows the CSP
// stopping them. Without Chromium it is skipped, saying why, except in CI (support/chromium.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportWriter } from "../../src/workflows/export/format/export-writer.ts";
import { featureMessages, PWNED, writeFile } from "../workflows/export/format/fixture.ts";
import { CHROMIUM, chromiumVerdict } from "./support/chromium.ts";

const CHROMIUM_VERDICT = chromiumVerdict();
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"];
// A 1×1 transparent GIF for every avatar, emoji and attachment image.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

interface Visit {
  page: Page;
  /** Console errors, uncaught page errors and CSP violations, as text. */
  problems: string[];
  /** Requests for anything but images (stylesheets, scripts, fonts…): none may leave the file. */
  outsideRequests: string[];
  pwned: unknown;
}

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let scratch = "";
const messages = featureMessages();
const file = writeFile(exportWriter("html"), messages);

async function visit(
  html: string,
  options: { colorScheme?: "dark" | "light" } = {},
): Promise<Visit> {
  if (!browser) throw new Error("no browser");
  const path = join(scratch, `export-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(path, html);
  const context: BrowserContext = await browser.newContext({
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    colorScheme: options.colorScheme ?? "dark",
  });
  const outsideRequests: string[] = [];
  await context.route(/^https?:/, (route) => {
    const request = route.request();
    if (request.resourceType() !== "image")
      outsideRequests.push(`${request.resourceType()} ${request.url()}`);
    return route.fulfill({ status: 200, contentType: "image/gif", body: PIXEL });
  });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // The test's own listener (init scripts are the browser's, outside the page's CSP).
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (event) => {
    (window.__csp ??= []).push(event.effectiveDirective + " " + event.blockedURI);
  });`);
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  // The page's script marks the times it rewrote; if it never runs, the assertions say what is
  // missing (and the CSP violation that stopped it) instead of the test timing out.
  await page
    .waitForFunction('document.querySelectorAll("time[data-local]").length > 0', undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  const csp = await page.evaluate(
    () => (globalThis as unknown as { __csp?: string[] }).__csp ?? [],
  );
  problems.push(...csp.map((line) => `csp: ${line}`));
  const pwned = await page.evaluate((name) => (globalThis as Record<string, unknown>)[name], PWNED);
  return { page, problems, outsideRequests, pwned };
}

beforeAll(async () => {
  if (CHROMIUM_VERDICT.kind !== "run") return;
  scratch = mkdtempSync(join(tmpdir(), "export-html-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the HTML export opened offline in Chromium", () => {
  it("shows every message, runs only its own script, and shows times in the reader's zone", async (ctx) => {
    if (CHROMIUM_VERDICT.kind === "fail") throw new Error(CHROMIUM_VERDICT.reason);
    if (CHROMIUM_VERDICT.kind === "skip") return ctx.skip(CHROMIUM_VERDICT.reason);
    const { page, problems, outsideRequests, pwned } = await visit(file);

    const ids = await page.$$eval(".message", (elements) => elements.map((element) => element.id));
    expect(ids).toEqual(messages.map((message) => `m-${message.id}`));
    expect(pwned).toBeUndefined();
    expect(problems).toEqual([]);
    expect(outsideRequests).toEqual([]);

    const times = await page.$$eval("time", (elements) =>
      elements.map((element) => ({
        local: element.hasAttribute("data-local"),
        text: element.textContent ?? "",
      })),
    );
    expect(times.length).toBeGreaterThan(messages.length);
    expect(times.filter((time) => !time.local || time.text.endsWith("UTC"))).toEqual([]);
    // The first message was sent at 12:00 UTC: 21:00 in Tokyo.
    const first = await page.$eval(
      `#m-${messages[0]?.id} .header time`,
      (element) => element.textContent,
    );
    expect(first).toContain("21:00");
  });

  it("follows the reader's colour scheme", async (ctx) => {
    if (CHROMIUM_VERDICT.kind !== "run") return ctx.skip(CHROMIUM_VERDICT.reason);
    const background = async (colorScheme: "dark" | "light") => {
      const { page } = await visit(file, { colorScheme });
      return page.evaluate("getComputedStyle(document.body).backgroundColor");
    };
    expect(await background("dark")).toBe("rgb(49, 51, 56)");
    expect(await background("light")).toBe("rgb(255, 255, 255)");
  });

  it("stops scripts injected into a tampered copy of the file, by its CSP", async (ctx) => {
    if (CHROMIUM_VERDICT.kind !== "run") return ctx.skip(CHROMIUM_VERDICT.reason);
    const injected =
      `<script>window.${PWNED}="inline"</script>` +
      `<img src="https://cdn.example/x.gif" onload="window.${PWNED}='handler'">`;
    const tampered = file.replace("</main>", `${injected}</main>`);
    const { problems, pwned } = await visit(tampered);
    expect(pwned).toBeUndefined();
    expect(
      problems.filter((line) => line.startsWith("csp: script-src")).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
