import { readCounters } from "../results/counters.ts";
import { renderHistograms } from "../results/histograms.ts";
import { gateMetrics } from "./gate-status.ts";
import { renderGauges } from "./metric-gauges.ts";
import { isOperator } from "./operator-auth.ts";
import { unauthorized } from "./responses.ts";

/** Prometheus text format: one `# TYPE` line per metric name, then its labelled samples. */
export function renderPrometheus(counters: { name: string; value: number }[]): string {
  const lines: string[] = [];
  let previous = "";
  for (const { name, value } of counters) {
    const base = name.split("{")[0] ?? name;
    if (base !== previous) lines.push(`# TYPE ${base} counter`);
    previous = base;
    lines.push(`${name} ${value}`);
  }
  return `${lines.join("\n")}\n`;
}

/** GET /metrics behind `Authorization: Bearer <METRICS_TOKEN>`. */
export async function handleMetrics(request: Request, env: Env): Promise<Response> {
  if (!(await isOperator(request, env))) return unauthorized();
  const counters = (await readCounters(env.DB)).sort((a, b) => a.name.localeCompare(b.name));
  const text = [
    renderPrometheus(counters).trimEnd(),
    ...(await renderGauges(env.DB, Date.now())),
    ...(await renderHistograms(env.DB)),
    (await gateMetrics(env)).trimEnd(),
  ]
    .filter((part) => part !== "")
    .join("\n");
  return new Response(`${text}\n`, {
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" },
  });
}
