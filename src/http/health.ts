import { gateHealth } from "./gate-status.ts";
import { type Check, CheckFailed, healthChecks } from "./health-checks.ts";
import { healthSettings } from "./health-settings.ts";
import { IsolateCache } from "./isolate-cache.ts";
import { isOperator } from "./operator-auth.ts";
import { healthCacheSeconds } from "./public-health.ts";
import { unauthorized } from "./responses.ts";

const CHECK_TIMEOUT_MS = 3000;

function withTimeout(check: Check): Promise<void> {
  return Promise.race([
    check(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new CheckFailed("timed out")), CHECK_TIMEOUT_MS),
    ),
  ]);
}

interface Answer {
  status: number;
  body: string;
}

// The checks cost a Durable Object, D1, R2 and gate call each: a monitor polling every second, or
// a leaked token, gets the isolate's answer of the last few seconds instead.
const answers = new IsolateCache<Promise<Answer>>();

/** GET /health/details for the operator (the METRICS_TOKEN door); 401 for anyone else. */
export async function handleHealthDetails(request: Request, env: Env): Promise<Response> {
  if (!(await isOperator(request, env))) return unauthorized();
  const answer = await answers.get(env, healthCacheSeconds(env) * 1000, async () => {
    const response = await detailedHealth(env);
    return { status: response.status, body: await response.text() };
  });
  return new Response(answer.body, {
    status: answer.status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

/**
 * The detailed readiness as JSON. 200 when every dependency answers and the queue is being
 * consumed, 503 naming the checks that failed. Reasons are our own fixed words (binding missing,
 * timed out, consumer stopped, backlog, token rejected, error): no secrets, no ids.
 */
export async function detailedHealth(env: Partial<Env>): Promise<Response> {
  const entries = Object.entries(healthChecks(env, healthSettings(env)));
  const results = await Promise.all(
    entries.map(async ([name, check]) => {
      try {
        await withTimeout(check);
        return [name, "ok"] as const;
      } catch (error) {
        const reason = error instanceof CheckFailed ? error.message : "error";
        return [name, `failed: ${reason}`] as const;
      }
    }),
  );
  const botGate = await gateHealth(env);
  const failed = results.filter(([, state]) => state !== "ok").map(([name]) => name);
  return Response.json(
    {
      status: failed.length === 0 ? "ok" : "unavailable",
      checks: Object.fromEntries(results),
      bot_gate: botGate,
      ...(failed.length ? { failed } : {}),
    },
    { status: failed.length === 0 ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
