// Answers a request under /api/v10 the way Discord would: faults, rate limits, auth, then the route.
import { channelRefusal } from "./channel-access.ts";
import type { Emulator } from "./context.ts";
import { methodNotAllowed, notFoundRoute, unauthorized } from "./discord-errors.ts";
import { faultResponse } from "./faults.ts";
import { type ApiRequest, type ApiResponse, withHeaders } from "./http-types.ts";
import { cloudflareBan, cloudflareRateLimitPage, tooManyRequests } from "./rate-limits.ts";
import { matchRoute, type RouteMatch } from "./router.ts";
import { applicationRoutes } from "./routes/applications.ts";
import { channelRoutes } from "./routes/channels.ts";
import { interactionRoutes } from "./routes/interactions.ts";
import { threadRoutes } from "./routes/threads.ts";
import { userRoutes } from "./routes/users.ts";
import { webhookRoutes } from "./routes/webhooks.ts";

const ROUTES = [
  ...interactionRoutes,
  ...webhookRoutes,
  ...threadRoutes,
  ...channelRoutes,
  ...userRoutes,
  ...applicationRoutes,
];

export type ApiOutcome = { kind: "answer"; response: ApiResponse } | { kind: "hang" };

export async function answerDiscordRequest(
  emulator: Emulator,
  req: ApiRequest,
): Promise<ApiOutcome> {
  const answer = (response: ApiResponse): ApiOutcome => ({ kind: "answer", response });
  const match = matchRoute(ROUTES, req.method, req.path);
  const fault = emulator.faults.take(req.method, req.path, () => req.rawBody.toString("utf8"));
  if (fault?.kind === "hang") return { kind: "hang" };
  if (fault?.kind === "cloudflare_ban") return answer(cloudflareBan());
  if (fault?.kind === "cloudflare_1015") return answer(cloudflareRateLimitPage());

  const bucket = bucketOf(match, req);
  const decision = emulator.rateLimits.hit(bucket.route, bucket.major, req);
  const headers = decision?.headers ?? {};
  if (fault) return answer(faultResponse(fault, headers));
  if (decision && !decision.allowed) {
    const { retryAfterSeconds } = decision;
    return answer(tooManyRequests({ retryAfterSeconds, global: false, scope: "user", headers }));
  }

  if (match.kind === "none") return answer(withHeaders(notFoundRoute(), headers));
  if (match.kind === "wrong_method") return answer(withHeaders(methodNotAllowed(), headers));
  const { route, params } = match;
  if (
    route.auth === "bot" &&
    req.headers.get("authorization") !== `Bot ${emulator.config.botToken}`
  ) {
    return answer(withHeaders(unauthorized(), headers));
  }
  const refusal = channelRefusal(emulator.state, route, params);
  if (refusal) return answer(withHeaders(refusal, headers));
  return answer(withHeaders(await route.handler(emulator, req, params), headers));
}

/** Discord shares a bucket's shape across major parameters but counts each major value apart. */
function bucketOf(match: RouteMatch, req: ApiRequest): { route: string; major: string } {
  if (match.kind !== "found") return { route: `${req.method} ${req.path}`, major: "" };
  const { route, params } = match;
  // Executes and edits of one webhook share its bucket (FACTS: about 5 per 2 s).
  if (route.pattern.startsWith("/webhooks/:webhook_id/:webhook_token"))
    return { route: "webhook", major: route.major.map((name) => params[name] ?? "").join("/") };
  return {
    route: `${route.method} ${route.pattern}`,
    major: route.major.map((name) => params[name] ?? "").join("/"),
  };
}
