import { rawText } from "../../discord/render/localized-text.ts";
import { isLocale, type Locale, localeFromAcceptLanguage } from "../../i18n/locales.ts";
import { LIVE_CLIENT_HEADER } from "../../live/socket-limits.ts";
import { LIVE_LOCALE_PARAM, withLiveLocale } from "../../live/socket-locale.ts";
import { createLogger } from "../../log.ts";
import { loadStoredResult, resultPrefix } from "../../results/result-store.ts";
import { checkLiveLink, type LinkCheck, liveLinkSettings } from "../../secrets/link-signing.ts";
import {
  archivedState,
  type LiveView,
  loadArchivedHistory,
  localizedHistoryState,
} from "../../tracker/api.ts";
import { livePage, messagePage, type PageMessage, type PageResult } from "./live-page.ts";

/** As many events as a live page embeds; an archived page has no socket to replay the rest. */
const MAX_ARCHIVED_EVENTS_SHOWN = 5000;

// GET /w/:id (page), /w/:id/socket (WebSocket, forwarded to the tracker), /w/:id/report.md.
// Every one needs the link's `sig`; a missing, wrong or expired one gets 403.

/** Workflow ids are UUIDs; anything else never reaches a Durable Object. */
const WORKFLOW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FORBIDDEN: Record<Exclude<LinkCheck, "ok">, PageMessage["message"]> = {
  missing: "live.linkMissing",
  malformed: "live.linkMalformed",
  invalid: "live.linkInvalid",
  expired: "live.linkExpired",
};

type Access =
  | { ok: true; workflowId: string; sig: string }
  | { ok: false; status: 403 | 404; text: PageMessage };

/**
 * The language of a live view request: the `lang` the page put on its socket URL, else the
 * browser's Accept-Language (bounded parsing), else English.
 */
function requestLocale(request: Request): Locale {
  const named = new URL(request.url).searchParams.get(LIVE_LOCALE_PARAM);
  return isLocale(named) ? named : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

async function authorize(request: Request, env: Env): Promise<Access> {
  const settings = liveLinkSettings(env);
  if (!settings) {
    return {
      ok: false,
      status: 404,
      text: { title: "live.notFoundTitle", message: "live.disabled" },
    };
  }
  const url = new URL(request.url);
  // The router matched /w/:id…, so the id is the second path segment.
  const workflowId = (url.pathname.split("/")[2] ?? "").toLowerCase();
  const sig = url.searchParams.get("sig");
  const check = WORKFLOW_ID.test(workflowId)
    ? await checkLiveLink(settings.secret, workflowId, sig, Date.now())
    : "invalid";
  if (check !== "ok") {
    createLogger({ component: "live" }).info("live.forbidden", { reason: check });
    return {
      ok: false,
      status: 403,
      text: { title: "live.linkRefusedTitle", message: FORBIDDEN[check] },
    };
  }
  return { ok: true, workflowId, sig: sig as string };
}

function tracker(env: Env, workflowId: string): DurableObjectStub {
  return env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId));
}

function signedPath(workflowId: string, suffix: string, sig: string): string {
  return `/w/${workflowId}${suffix}?sig=${encodeURIComponent(sig)}`;
}

async function storedResult(env: Env, workflowId: string, sig: string) {
  const stored = await loadStoredResult(env.RESULTS, resultPrefix(workflowId));
  if (!stored) return null;
  const result: PageResult = {
    summary: stored.result.summary,
    fields: (stored.result.fields ?? []).map(({ name, value }) => ({ name, value })),
    reportPath: signedPath(workflowId, "/report.md", sig),
  };
  return { meta: stored.meta, result };
}

export async function handleLivePage(request: Request, env: Env): Promise<Response> {
  const locale = requestLocale(request);
  const access = await authorize(request, env);
  if (!access.ok) return messagePage(access.status, locale, access.text);
  const { workflowId, sig } = access;
  const socketPath = withLiveLocale(signedPath(workflowId, "/socket", sig), locale);
  const response = await tracker(env, workflowId).fetch(
    withLiveLocale("https://tracker/live/view", locale),
  );
  if (response.status === 404) {
    // The tracker's storage is freed a day after the end; the result stays in R2 for longer.
    const [archived, history] = await Promise.all([
      storedResult(env, workflowId, sig),
      loadArchivedHistory(env.RESULTS, workflowId),
    ]);
    if (!archived) {
      return messagePage(404, locale, {
        title: "live.unknownWorkflowTitle",
        message: "live.unknownWorkflow",
      });
    }
    // The archived history keeps the whole timeline for as long as the result is kept.
    const view: LiveView = history
      ? {
          state: localizedHistoryState(history, locale, Date.now()),
          events: history.events.slice(0, MAX_ARCHIVED_EVENTS_SHOWN),
          moreEvents: false,
        }
      : { state: archivedState(archived.meta, Date.now(), locale), events: [], moreEvents: false };
    return livePage({ locale, view, socketPath, result: archived.result });
  }
  if (!response.ok) throw new Error(`tracker live view answered ${response.status}`);
  const view = (await response.json()) as LiveView;
  const finished = view.state.status !== "queued" && view.state.status !== "running";
  const result = finished ? ((await storedResult(env, workflowId, sig))?.result ?? null) : null;
  return livePage({ locale, view, socketPath, result });
}

export async function handleLiveSocket(request: Request, env: Env): Promise<Response> {
  // The link is checked before the upgrade: a browser only sees a refused upgrade as close code
  // 1006, so the page probes this route with a plain GET to learn whether retrying can help.
  const locale = requestLocale(request);
  const access = await authorize(request, env);
  if (!access.ok) {
    // The page shows `error` to its reader when its socket is refused (the probe).
    const error = rawText(locale)(access.text.message);
    return Response.json({ error, status: access.status }, { status: access.status });
  }
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
    return Response.json({ error: "Expected a WebSocket upgrade", status: 426 }, { status: 426 });
  }
  // Who connects, for the per-client cap; set by Cloudflare's edge, absent in local tests.
  const client = request.headers.get("cf-connecting-ip") ?? "unknown";
  return tracker(env, access.workflowId).fetch(
    withLiveLocale("https://tracker/live/socket", locale),
    {
      headers: { upgrade: "websocket", [LIVE_CLIENT_HEADER]: client },
    },
  );
}

export async function handleLiveReport(request: Request, env: Env): Promise<Response> {
  const access = await authorize(request, env);
  if (!access.ok) return messagePage(access.status, requestLocale(request), access.text);
  const object = await env.RESULTS.get(`${resultPrefix(access.workflowId)}report.md`);
  if (!object) {
    return messagePage(404, requestLocale(request), {
      title: "live.noReportTitle",
      message: "live.noReport",
    });
  }
  return new Response(object.body, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${access.workflowId}-report.md"`,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
  });
}
