import { gateHealth } from "./gate-status.ts";
import { type Check, CheckFailed, healthChecks } from "./health-checks.ts";
import { healthSettings } from "./health-settings.ts";

const CHECK_TIMEOUT_MS = 3000;

function withTimeout(check: Check): Promise<void> {
  return Promise.race([
    check(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new CheckFailed("timed out")), CHECK_TIMEOUT_MS),
    ),
  ]);
}

/**
 * GET /health: readiness as JSON. 200 when every dependency answers and the queue is being
 * consumed, 503 naming the checks that failed. Reasons are our own fixed words (binding missing,
 * timed out, consumer stopped, backlog, token rejected, error): no secrets, no ids.
 */
export async function handleHealth(env: Partial<Env>): Promise<Response> {
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
