import { trackerStub } from "../workflow/start.ts";
import { gateHealth } from "./gate-status.ts";

const CHECK_TIMEOUT_MS = 3000;
type Check = () => Promise<void>;

function withTimeout(check: Check): Promise<void> {
  return Promise.race([
    check(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS),
    ),
  ]);
}

function checks(env: Partial<Env>): Record<string, Check> {
  return {
    d1: async () => {
      if (!env.DB) throw new Error("binding missing");
      await env.DB.prepare("SELECT 1").first();
    },
    r2: async () => {
      if (!env.RESULTS) throw new Error("binding missing");
      await env.RESULTS.head("health/probe");
    },
    queue: async () => {
      if (typeof env.STAGES?.send !== "function") throw new Error("binding missing");
    },
    durable_objects: async () => {
      if (!env.WORKFLOWS) throw new Error("binding missing");
      if ((await trackerStub(env as Env, "health-check").ping()) !== "pong")
        throw new Error("no answer");
    },
  };
}

/**
 * GET /health: readiness as JSON. 200 when every dependency answers, 503 naming the ones that
 * did not. Reasons are generic (binding missing, timed out, error): no secrets, no ids.
 */
export async function handleHealth(env: Partial<Env>): Promise<Response> {
  const entries = Object.entries(checks(env));
  const results = await Promise.all(
    entries.map(async ([name, check]) => {
      try {
        await withTimeout(check);
        return [name, "ok"] as const;
      } catch (error) {
        const reason =
          error instanceof Error && /binding missing|timed out|no answer/.test(error.message)
            ? error.message
            : "error";
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
