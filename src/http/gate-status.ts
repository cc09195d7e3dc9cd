import type { GateView } from "../gate/bot-gate.ts";
import { gateView } from "../gate/gate-client.ts";

/**
 * The bot gate as /health shows it. Not a failing check: a closed gate is the bot behaving
 * (results wait, persisted), and the Worker still takes commands; the state says why and until when.
 */
export async function gateHealth(
  env: Partial<Env>,
): Promise<GateView | { open: null; error: string }> {
  if (!env.BOT_GATE) return { open: null, error: "binding missing" };
  try {
    return await gateView(env as Env);
  } catch {
    return { open: null, error: "no answer" };
  }
}

/** Prometheus gauges for /metrics: open (1/0), and when it reopens (epoch seconds, 0 = open). */
export async function gateMetrics(env: Env): Promise<string> {
  const view = await gateHealth(env);
  if (view.open === null) return "";
  const reason = view.reason ?? "none";
  return [
    "# TYPE bot_gate_open gauge",
    `bot_gate_open{reason="${reason}"} ${view.open ? 1 : 0}`,
    "# TYPE bot_gate_reopens_at_seconds gauge",
    `bot_gate_reopens_at_seconds ${view.reopensAt === null ? 0 : Math.ceil(view.reopensAt / 1000)}`,
    "",
  ].join("\n");
}
