import type { LiveView } from "../../tracker/api.ts";
import { html, jsonForScript, type SafeHtml, trusted } from "./html.ts";
import { LIVE_PAGE_SCRIPT } from "./live-page-script.ts";
import { LIVE_PAGE_STYLE } from "./live-page-style.ts";

export interface PageResult {
  summary: string;
  fields: { name: string; value: string }[];
  reportPath: string | null;
}

export interface LivePageInput {
  view: LiveView;
  socketPath: string;
  result: PageResult | null;
}

const STATUS_TEXT: Record<string, string> = {
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  timed_out: "Timed out",
};

/** Headers of every live view response: the URL carries a signature, so no referrer leaves. */
function pageHeaders(nonce: string | null): HeadersInit {
  const scripts = nonce ? `'nonce-${nonce}'` : "'none'";
  return {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "content-security-policy": `default-src 'none'; script-src ${scripts}; style-src ${scripts}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  };
}

function htmlDocument(title: string, nonce: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style nonce="${nonce}">${trusted(LIVE_PAGE_STYLE)}</style>
</head>
<body>
${body}
</body>
</html>
`.value;
}

function resultSection(result: PageResult | null): SafeHtml {
  if (!result)
    return html`<section id="result" class="card" aria-labelledby="result-h" hidden></section>`;
  return html`<section id="result" class="card" aria-labelledby="result-h">
<h2 id="result-h">Result</h2>
<p class="result-summary">${result.summary}</p>
${
  result.fields.length > 0
    ? html`<dl class="fields">${result.fields.map((field) => html`<dt>${field.name}</dt><dd>${field.value}</dd>`)}</dl>`
    : ""
}
${result.reportPath ? html`<a class="button" href="${result.reportPath}" download>Download report.md</a>` : ""}
</section>`;
}

/** The page: a server-rendered frame the inline script fills from the embedded data. */
export function livePage(input: LivePageInput): Response {
  const { state } = input.view;
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const percent = Math.floor(Math.min(1, Math.max(0, state.progress.fraction)) * 100);
  const status = STATUS_TEXT[state.status] ?? state.status;
  const body = html`<main>
<header>
<p class="eyebrow">Workflow <code>${state.workflowId}</code> · <span id="elapsed"></span></p>
<h1>${state.title}</h1>
<p class="input">${state.input}</p>
<p><span id="status" class="badge ${state.status}" role="status" aria-live="polite">${status}</span>
<span id="connection" class="connection" aria-live="polite"></span></p>
</header>
<section class="card" aria-labelledby="progress-h">
<h2 id="progress-h">Progress</h2>
<div id="bar" class="bar" role="progressbar" aria-labelledby="progress-h" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}"><div id="fill" class="fill"></div></div>
<div class="progress-line"><span id="percent" class="percent">${percent} %</span><span id="label" class="muted">${state.progress.label}</span></div>
<noscript><p>This page updates itself with JavaScript; reload it to see the latest state.</p></noscript>
</section>
<div class="grid">
<section class="card" aria-labelledby="stages-h"><h2 id="stages-h">Stages</h2><ol id="stages" class="timeline"></ol></section>
<div class="stack">
<section class="card" aria-labelledby="clock-h"><h2 id="clock-h">Token clock</h2><p id="clock"></p></section>
<section class="card" aria-labelledby="delivery-h"><h2 id="delivery-h">Delivery</h2><p id="delivery"></p></section>
</div>
</div>
<section class="card" aria-labelledby="warnings-h"><h2 id="warnings-h">Warnings</h2><ul id="warnings" class="warnings"></ul></section>
${resultSection(input.result)}
<section class="card"><details><summary>Event log (<span id="event-count">0</span>)</summary><ol id="events" class="events"></ol></details></section>
</main>
<script type="application/json" id="live-data">${jsonForScript({
    state,
    events: input.view.events,
    moreEvents: input.view.moreEvents,
    socketPath: input.socketPath,
  })}</script>
<script nonce="${nonce}">${trusted(LIVE_PAGE_SCRIPT)}</script>`;
  return new Response(htmlDocument(`${state.title} · live view`, nonce, body), {
    headers: pageHeaders(nonce),
  });
}

/** A small page for 403/404: says what happened and what to do, nothing more. */
export function messagePage(status: number, title: string, message: string): Response {
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const body = html`<main><section class="card"><h1>${title}</h1><p>${message}</p></section></main>`;
  return new Response(htmlDocument(title, nonce, body), { status, headers: pageHeaders(nonce) });
}
