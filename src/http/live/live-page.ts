import { rawText } from "../../discord/render/localized-text.ts";
import type { MessageKey } from "../../i18n/catalog-types.ts";
import type { Locale } from "../../i18n/locales.ts";
import { type ArgsOf, formattersFor, type Translate } from "../../i18n/translator.ts";
import type { LiveView } from "../../tracker/api.ts";
import { html, jsonForScript, type SafeHtml, trusted } from "./html.ts";
import { LIVE_PAGE_SCRIPT } from "./live-page-script.ts";
import { LIVE_PAGE_STYLE } from "./live-page-style.ts";
import { scriptTexts, statusText } from "./live-page-texts.ts";

export interface PageResult {
  summary: string;
  fields: { name: string; value: string }[];
  reportPath: string | null;
}

export interface LivePageInput {
  /** The page's language; the view's state is already in it. */
  locale: Locale;
  view: LiveView;
  socketPath: string;
  result: PageResult | null;
}

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

function htmlDocument(locale: Locale, title: string, nonce: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${locale}">
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

function resultSection(result: PageResult | null, t: Translate): SafeHtml {
  if (!result)
    return html`<section id="result" class="card" aria-labelledby="result-h" hidden></section>`;
  return html`<section id="result" class="card" aria-labelledby="result-h">
<h2 id="result-h">${t("live.resultHeading")}</h2>
<p class="result-summary">${result.summary}</p>
${
  result.fields.length > 0
    ? html`<dl class="fields">${result.fields.map((field) => html`<dt>${field.name}</dt><dd>${field.value}</dd>`)}</dl>`
    : ""
}
${result.reportPath ? html`<a class="button" href="${result.reportPath}" download>${t("live.downloadReport")}</a>` : ""}
</section>`;
}

/** The page: a server-rendered frame the inline script fills from the embedded data. */
export function livePage(input: LivePageInput): Response {
  const { locale } = input;
  const { state } = input.view;
  // Text set as HTML here is escaped by html``; the catalog's variables are left raw for that.
  const t = rawText(locale);
  const f = formattersFor(locale);
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const percent = Math.floor(Math.min(1, Math.max(0, state.progress.fraction)) * 100);
  const status = statusText(t, state.status);
  const body = html`<main>
<header>
<p class="eyebrow">${t("live.workflowId")} <code>${state.workflowId}</code> · <span id="elapsed"></span></p>
<h1>${state.title}</h1>
<p class="input">${state.input}</p>
<p><span id="status" class="badge ${state.status}" role="status" aria-live="polite">${status}</span>
<span id="connection" class="connection" aria-live="polite"></span></p>
</header>
<section class="card" aria-labelledby="progress-h">
<h2 id="progress-h">${t("live.progressHeading")}</h2>
<div id="bar" class="bar" role="progressbar" aria-labelledby="progress-h" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}"><div id="fill" class="fill"></div></div>
<div class="progress-line"><span id="percent" class="percent">${f.percent(percent / 100)}</span><span id="label" class="muted">${state.progress.label}</span></div>
<noscript><p>${t("live.noscript")}</p></noscript>
</section>
<div class="grid">
<section class="card" aria-labelledby="stages-h"><h2 id="stages-h">${t("live.stagesHeading")}</h2><ol id="stages" class="timeline"></ol></section>
<div class="stack">
<section class="card" aria-labelledby="clock-h"><h2 id="clock-h">${t("live.clockHeading")}</h2><p id="clock"></p></section>
<section class="card" aria-labelledby="delivery-h"><h2 id="delivery-h">${t("live.deliveryHeading")}</h2><p id="delivery"></p></section>
</div>
</div>
<section class="card" aria-labelledby="warnings-h"><h2 id="warnings-h">${t("live.warningsHeading")}</h2><ul id="warnings" class="warnings"></ul></section>
${resultSection(input.result, t)}
<section class="card"><details><summary id="event-log">${t("live.eventLog", { count: f.number(0) })}</summary><ol id="events" class="events"></ol></details></section>
</main>
<script type="application/json" id="live-data">${jsonForScript({
    state,
    events: input.view.events,
    moreEvents: input.view.moreEvents,
    socketPath: input.socketPath,
    texts: scriptTexts(locale),
  })}</script>
<script nonce="${nonce}">${trusted(LIVE_PAGE_SCRIPT)}</script>`;
  return new Response(
    htmlDocument(locale, t("live.pageTitle", { title: state.title }), nonce, body),
    { headers: pageHeaders(nonce) },
  );
}

/** A catalog message of the live section that takes no variables. */
type PlainLiveKey = {
  [K in MessageKey]: K extends `live.${string}` ? (ArgsOf<K> extends [] ? K : never) : never;
}[MessageKey];

/** What a small page says. */
export interface PageMessage {
  title: PlainLiveKey;
  message: PlainLiveKey;
}

/** A small page for 403/404 in `locale`: says what happened and what to do, nothing more. */
export function messagePage(status: number, locale: Locale, text: PageMessage): Response {
  const t = rawText(locale) as (key: PlainLiveKey) => string;
  const title = t(text.title);
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const body = html`<main><section class="card"><h1>${title}</h1><p>${t(text.message)}</p></section></main>`;
  return new Response(htmlDocument(locale, title, nonce, body), {
    status,
    headers: pageHeaders(nonce),
  });
}
