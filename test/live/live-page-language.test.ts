// The live page in the browser's language (Accept-Language), among the bot's six: its texts, its
// error pages, and its socket's states and errors (the page passes its language as `lang`).
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ScriptTexts } from "../../src/http/live/live-page-texts.ts";
import { textRef } from "../../src/i18n/text-ref.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { LiveServerMessage } from "../../src/tracker/live-protocol.ts";
import type { LiveState } from "../../src/tracker/live-state.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";
import { BOT, openSocket, sigFor, signedUrl } from "./live-client.ts";

// A kind whose title, stage label and progress label are catalog messages with a number, so each
// language renders them differently ("1,234 pages", "1.234 Seiten", "1,234 ページ").
const flow = defineTestWorkflow("live_language_flow", [
  // Two invocations of 4 s (within the tests' stage budget): long enough for every test before the
  // last to see it running; the last waits for its end.
  { delayMs: 4000, progressSteps: 4, yields: 1 },
  { delayMs: 10 },
]);
flow.definition.title = textRef("common.pages", { count: 1234 });
const firstStage = flow.definition.stages[0];
if (!firstStage) throw new Error("the test kind has no stage");
firstStage.label = textRef("common.pages", { count: 7 });
const runFirstStage = firstStage.run.bind(firstStage);
firstStage.run = (ctx, state) =>
  runFirstStage(
    Object.assign(Object.create(ctx), {
      progress: (_label: unknown, fraction: number) =>
        ctx.progress(textRef("common.pages", { count: 12 }), fraction),
    }),
    state,
  );

interface EmbeddedData {
  state: LiveState;
  socketPath: string;
  texts: ScriptTexts;
}

function embedded(page: string): EmbeddedData {
  const json = /<script type="application\/json" id="live-data">(.*?)<\/script>/s.exec(page)?.[1];
  if (!json) throw new Error("no embedded live data");
  return JSON.parse(json) as EmbeddedData;
}

async function pageIn(url: string, acceptLanguage?: string) {
  const headers: HeadersInit = acceptLanguage ? { "accept-language": acceptLanguage } : {};
  const response = await exports.default.fetch(url, { headers });
  return { status: response.status, page: await response.text() };
}

/** Text of the English page that no other language's page shows. */
const ENGLISH_PAGE_TEXT = [
  "live view",
  "Workflow ID",
  ">Progress<",
  ">Stages<",
  ">Reply window<",
  ">Delivery<",
  ">Warnings<",
  "Event log",
  "This page updates itself",
  "Running",
  "Connecting",
];

let workflowId = "";
async function runningWorkflow(): Promise<string> {
  workflowId ||= (await startViaDiscord(flow)).workflowId;
  return workflowId;
}

describe("the live page's language", () => {
  it("streams the running workflow's title and progress label in each socket's language", async () => {
    // The progress label starts as the stage's label ("7 pages"), then the stage's reports ("12 pages").
    const id = await runningWorkflow();
    const sockets = await Promise.all(
      ["de", "ja", "en-US", "xx"].map((lang) => openSocket(id, { lang })),
    );
    const labelled = (messages: LiveServerMessage[]) =>
      messages.some((m) => m.type === "state" && m.state.progress.label.startsWith("12"));
    for (const socket of sockets) socket.hello(0);
    await Promise.all(sockets.map((socket) => socket.until(labelled)));
    const shown = sockets.map((socket) => {
      const state = socket.messages.findLast(
        (m): m is Extract<LiveServerMessage, { type: "state" }> =>
          m.type === "state" && m.state.progress.label.startsWith("12"),
      )?.state;
      return [state?.title, state?.progress.label, state?.stages[0]?.label];
    });
    expect(shown).toEqual([
      ["1.234 Seiten", "12 Seiten", "7 Seiten"],
      ["1,234 ページ", "12 ページ", "7 ページ"],
      ["1,234 pages", "12 pages", "7 pages"],
      ["1,234 pages", "12 pages", "7 pages"],
    ]);
    for (const socket of sockets) socket.ws.close(1000, "done");
  });

  it("is German for a German browser: every text, the title and the stage label", async () => {
    const id = await runningWorkflow();
    const { status, page } = await pageIn(await signedUrl(id), "de-DE,de;q=0.9");
    expect(status).toBe(200);
    expect(page).toContain('<html lang="de">');
    expect(page).toContain("<title>1.234 Seiten · Live-Ansicht</title>");
    for (const german of ["Workflow-ID", ">Fortschritt<", ">Schritte<", ">Antwortfenster<"])
      expect(page).toContain(german);
    expect(page).toContain("Ereignisprotokoll (0)");
    for (const english of ENGLISH_PAGE_TEXT) expect(page).not.toContain(english);
    const data = embedded(page);
    expect(data.state.title).toBe("1.234 Seiten");
    expect(data.state.stages[0]?.label).toBe("7 Seiten");
    expect(data.socketPath).toMatch(/&lang=de$/);
    expect(data.texts).toMatchObject({
      locale: "de",
      status: { running: "Läuft" },
      stageOf: "Schritt {stage} von {count}",
      connecting: "Verbinde …",
    });
  });

  it("is Japanese for a Japanese browser", async () => {
    const { page } = await pageIn(await signedUrl(await runningWorkflow()), "ja");
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain("<title>1,234 ページ · ライブビュー</title>");
    expect(page).toContain(">進行状況<");
    for (const english of ENGLISH_PAGE_TEXT) expect(page).not.toContain(english);
    expect(embedded(page).texts.locale).toBe("ja");
  });

  it.each([
    ["an unsupported language", "xx"],
    ["no Accept-Language", undefined],
    ["a 10 KB header", `${"x".repeat(10_000)},de`],
    [
      "thousands of ranges before a supported one",
      `${Array.from({ length: 2000 }, (_, i) => `zz-${i};q=0.${(i % 9) + 1}`).join(",")},de;q=1`,
    ],
  ])("is English for %s", async (_name, header) => {
    const { status, page } = await pageIn(await signedUrl(await runningWorkflow()), header);
    expect(status).toBe(200);
    expect(page).toContain('<html lang="en-US">');
    expect(page).toContain("<title>1,234 pages · live view</title>");
    expect(page).toContain(">Progress<");
    expect(embedded(page).socketPath).toMatch(/&lang=en-US$/);
  });

  it("says why a socket is refused in the socket's language", async () => {
    const socket = await openSocket(await runningWorkflow(), { lang: "fr" });
    socket.ws.send("pas du JSON");
    await socket.closed;
    expect(socket.messages.find((m) => m.type === "error")).toMatchObject({
      code: "bad_message",
      message: "Le message n’est pas du JSON.",
    });
  });

  it("shows its error pages in the browser's language, and the socket probe's in the page's", async () => {
    const id = await runningWorkflow();
    const expired = encodeURIComponent(await sigFor(id, Date.now() - 1000));
    const refused = await pageIn(`${BOT}/w/${id}?sig=${expired}`, "de");
    expect(refused.status).toBe(403);
    expect(refused.page).toContain('<html lang="de">');
    expect(refused.page).toContain("<h1>Link ungültig</h1>");
    expect(refused.page).toContain("Dieser Link ist abgelaufen.");

    const unknown = await pageIn(await signedUrl(crypto.randomUUID()), "fr-FR,fr;q=0.8");
    expect(unknown.status).toBe(404);
    expect(unknown.page).toContain("<h1>Workflow inconnu</h1>");

    const report = await pageIn(await signedUrl(id, "/report.md"), "es-ES");
    expect(report.status).toBe(404);
    expect(report.page).toContain("<h1>Sin informe</h1>");

    // The page probes its socket URL (with its `lang`) when the upgrade is refused.
    const probe = await exports.default.fetch(`${BOT}/w/${id}/socket?sig=${expired}&lang=ja`, {
      headers: { "accept-language": "de" },
    });
    expect(probe.status).toBe(403);
    expect(await probe.json()).toEqual({
      error:
        "このリンクは期限切れです。ワークフローのメッセージにある「ライブビュー」ボタンに新しいリンクがあります。",
      status: 403,
    });
  });

  it("renders an archived history again in the reader's language once the tracker is gone", async () => {
    const id = await runningWorkflow();
    await waitForWorkflow(id, (s) => s.deliveryState === "delivered");
    expect(await trackerStub(env, id).purge()).toEqual({ purged: true });
    const { page } = await pageIn(await signedUrl(id), "pt-BR");
    expect(page).toContain('<html lang="pt-BR">');
    const { state } = embedded(page);
    expect(state.title).toBe("1.234 páginas");
    expect(state.stages.map((stage) => stage.label)).toEqual(["7 páginas", "Step 2"]);
    expect(state.progress.label).toBe("Pronto");
    expect(page).toContain(">Baixar report.md<");
  });
});
