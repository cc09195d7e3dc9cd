// The control API under /_emulator (docs/emulator-contract.md): JSON in, JSON out.
import type { Emulator } from "../context.ts";
import { parseFaultSpec } from "../faults.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import { deferOriginal, expireInteraction, registerInteraction } from "../interactions.ts";
import { isObject, type JsonObject, numberField, stringField } from "../json.ts";
import { toEmulatedMessage } from "../messages.ts";
import { matchRoute, type Params, param, type Route, route } from "../router.ts";
import { nowSecondsString } from "../signing.ts";
import { bad, withBody } from "./body.ts";
import { echoBot } from "./echo-bot.ts";
import { historyControlRoutes } from "./history.ts";
import { sendInteraction } from "./send-interaction.ts";

const CONTROL_ROUTES: Route[] = [
  route("GET", "/info", "none", [], (e) => jsonResponse(200, info(e))),
  route("POST", "/interaction-tokens", "none", [], withBody(createInteractionToken)),
  route("POST", "/interaction-tokens/:token/expire", "none", [], expireToken),
  route("POST", "/sign", "none", [], withBody(sign)),
  route("POST", "/send-interaction", "none", [], withBody(send)),
  route("POST", "/echo-bot", "none", [], echoBot),
  route("POST", "/faults", "none", [], withBody(addFault)),
  route("DELETE", "/faults", "none", [], (e, req) =>
    requireMatch(req, (match) => jsonResponse(200, { removed: e.faults.remove(match) })),
  ),
  route("POST", "/rate-limits", "none", [], withBody(setRateLimit)),
  route("DELETE", "/rate-limits", "none", [], (e, req) =>
    requireMatch(req, (match) => jsonResponse(200, { removed: e.rateLimits.removeRule(match) })),
  ),
  route("GET", "/requests", "none", [], listRequests),
  route("GET", "/messages", "none", [], listMessages),
  route("GET", "/stats", "none", [], (e) => jsonResponse(200, e.log.stats())),
  route("GET", "/webhooks", "none", [], listChannelWebhooks),
  ...historyControlRoutes,
];

export async function answerControlRequest(
  emulator: Emulator,
  req: ApiRequest,
): Promise<ApiResponse> {
  const match = matchRoute(CONTROL_ROUTES, req.method, req.path);
  if (match.kind === "found") return match.route.handler(emulator, req, match.params);
  const problem = match.kind === "wrong_method" ? "method not allowed on" : "unknown control route";
  return jsonResponse(match.kind === "wrong_method" ? 405 : 404, {
    error: `${problem} ${req.method} /_emulator${req.path}`,
  });
}

function info(emulator: Emulator): JsonObject {
  return {
    origin: emulator.origin,
    apiBase: `${emulator.origin}/api/v10`,
    publicKeyHex: emulator.signer.publicKeyHex,
    applicationId: emulator.config.applicationId,
    botToken: emulator.config.botToken,
  };
}

function createInteractionToken(emulator: Emulator, body: JsonObject): ApiResponse {
  const ttlMs = numberField(body, "ttlMs");
  if (ttlMs !== undefined && ttlMs < 0) return bad("ttlMs must be ≥ 0");
  const interaction = registerInteraction(emulator, {
    ttlMs,
    applicationId: stringField(body, "applicationId"),
    channelId: stringField(body, "channelId"),
    guildId: stringField(body, "guildId"),
    userId: stringField(body, "userId"),
    attachmentSizeLimit: numberField(body, "attachmentSizeLimit"),
  });
  if (body.deferred !== false)
    deferOriginal(emulator, interaction, body.ephemeral === true ? 64 : 0);
  return jsonResponse(200, {
    interactionId: interaction.id,
    token: interaction.token,
    expiresAt: interaction.expiresAt,
  });
}

function expireToken(emulator: Emulator, _req: ApiRequest, params: Params): ApiResponse {
  const token = param(params, "token");
  return expireInteraction(emulator, token)
    ? jsonResponse(200, { ok: true })
    : jsonResponse(404, { error: `no interaction token ${token}` });
}

async function sign(emulator: Emulator, body: JsonObject): Promise<ApiResponse> {
  const payload = stringField(body, "body");
  if (payload === undefined) return bad("body must be the raw string to sign");
  const timestamp = stringField(body, "timestamp") ?? nowSecondsString();
  const signature = await emulator.signer.sign(timestamp, payload);
  return jsonResponse(200, { signature, timestamp });
}

async function send(emulator: Emulator, body: JsonObject): Promise<ApiResponse> {
  const url = stringField(body, "url");
  if (!url || !URL.canParse(url)) return bad("url must be an absolute URL");
  const interaction = body.interaction ?? {};
  if (!isObject(interaction)) return bad("interaction must be an object");
  const result = await sendInteraction(emulator, {
    url,
    interaction,
    ttlMs: numberField(body, "ttlMs"),
    timeoutMs: numberField(body, "timeoutMs"),
  });
  return jsonResponse(200, result);
}

function addFault(emulator: Emulator, body: JsonObject): ApiResponse {
  const spec = parseFaultSpec(body);
  if (typeof spec === "string") return bad(spec);
  return jsonResponse(200, { id: emulator.faults.add(spec) });
}

function setRateLimit(emulator: Emulator, body: JsonObject): ApiResponse {
  const match = stringField(body, "match");
  const limit = numberField(body, "limit");
  const windowMs = numberField(body, "windowMs");
  if (!match) return bad("match must be a non-empty string");
  if (limit === undefined || !Number.isInteger(limit) || limit < 1)
    return bad("limit must be a positive integer");
  if (windowMs === undefined || windowMs <= 0) return bad("windowMs must be a positive number");
  const method = stringField(body, "method")?.toUpperCase();
  emulator.rateLimits.setRule(
    method ? { match, limit, windowMs, method } : { match, limit, windowMs },
  );
  return jsonResponse(200, { ok: true });
}

/** The channel webhooks that exist now (deleted ones are gone), without their tokens. */
function listChannelWebhooks(emulator: Emulator, req: ApiRequest): ApiResponse {
  const channelId = req.query.get("channel_id");
  const webhooks = [...emulator.state.webhooks.values()]
    .filter((w) => channelId === null || w.channelId === channelId)
    .map((w) => ({ id: w.id, channel_id: w.channelId, name: w.name }));
  return jsonResponse(200, { webhooks });
}

function requireMatch(req: ApiRequest, then: (match: string) => ApiResponse): ApiResponse {
  const match = req.query.get("match");
  // Tests share one emulator: clearing everything at once would break the others.
  return match ? then(match) : bad("match is required");
}

function listRequests(emulator: Emulator, req: ApiRequest): ApiResponse {
  const since = req.query.get("since");
  const sinceNumber = since === null || since === "" ? undefined : Number(since);
  if (sinceNumber !== undefined && Number.isNaN(sinceNumber)) return bad("since must be a number");
  const requests = emulator.log.query(req.query.get("match") ?? undefined, sinceNumber);
  return jsonResponse(200, { requests });
}

function listMessages(emulator: Emulator, req: ApiRequest): ApiResponse {
  const channelId = req.query.get("channel_id");
  const token = req.query.get("token");
  const webhookId = req.query.get("webhook_id");
  const messages = [...emulator.state.messages.values()]
    .filter(
      (m) =>
        (!channelId || m.channel_id === channelId) &&
        (!token || m.interaction_token === token) &&
        (!webhookId || m.webhook_id === webhookId),
    )
    .map(toEmulatedMessage);
  return jsonResponse(200, { messages });
}
