import { readNumberSetting } from "../settings.ts";
import { IsolateCache } from "./isolate-cache.ts";

/**
 * What GET /health needs to say "up": the bindings and secrets the Worker cannot serve without.
 * Judged from `env` alone, because the endpoint is public: a flood of it must cost no Durable
 * Object, D1, R2 or Discord call, and the answer must tell a stranger nothing about the token or
 * the gate. The operator's detailed checks are /health/details (health-details.ts).
 */
const REQUIRED = [
  "DB",
  "RESULTS",
  "STAGES",
  "BULK_STAGES",
  "WORKFLOWS",
  "BOT_GATE",
  "CHANNEL_OUTBOX",
  "DISCORD_PUBLIC_KEY",
  "DISCORD_BOT_TOKEN",
] as const;

export type PublicHealth = "up" | "down";

// One answer per isolate for a few seconds: the judgement is cheap, but a cached answer is what a
// public endpoint under a flood should be, and the same seconds go to Cache-Control for proxies.
const answers = new IsolateCache<PublicHealth>();

/** How long /health and /health/details keep an answer (HEALTH_CACHE_SECONDS, default 5). */
export function healthCacheSeconds(env: Partial<Env>): number {
  return readNumberSetting(env, "HEALTH_CACHE_SECONDS", 5, { min: 0, max: 300 });
}

export function publicHealth(env: Partial<Env>): PublicHealth {
  const record = env as Record<string, unknown>;
  return answers.get(env, healthCacheSeconds(env) * 1000, () =>
    REQUIRED.every((name) => record[name]) ? "up" : "down",
  );
}

/** GET /health: `{"status":"up"}` (200) or `{"status":"down"}` (503), and nothing else. */
export function handlePublicHealth(env: Partial<Env>): Response {
  const state = publicHealth(env);
  return Response.json(
    { status: state },
    {
      status: state === "up" ? 200 : 503,
      headers: { "cache-control": `public, max-age=${healthCacheSeconds(env)}` },
    },
  );
}
