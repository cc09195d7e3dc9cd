// The soak's summary: per fault, how the workflows that met it ended.
import { FAULT_ORDER, faultNames } from "./soak-plan.ts";
import type { SoakResult } from "./soak-run.ts";

/** Laid out the way Biome formats a Markdown table, so it pastes into the README unchanged. */
function markdownTable(rows: (string | number)[][]): string[] {
  const cells = rows.map((row) => row.map(String));
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const [header = [], ...body] = cells;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...body.map(line)];
}

/** Why workflows failed (the engine's own words), most frequent first. */
function failureReasons(results: SoakResult[]): string[] {
  const counts = new Map<string, number>();
  for (const { snapshot } of results) {
    if (snapshot?.status !== "failed") continue;
    const reason = (snapshot.error ?? "unknown").replace(/"[^"]*"/g, '"…"');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} failed: ${reason}`);
}

function summaryRow(name: string, group: SoakResult[]): (string | number)[] {
  const count = (test: (r: SoakResult) => boolean) => group.filter(test).length;
  return [
    name,
    group.length,
    count((r) => r.snapshot?.status === "completed"),
    count((r) => r.outcome.verdict === "delivered" && r.outcome.finalMessages === 1),
    count((r) => r.outcome.verdict === "orphaned, retrievable"),
    count((r) => r.outcome.verdict === "LOST"),
    count((r) => r.outcome.finalMessages > 1),
    group.reduce((sum, r) => sum + r.outcome.tokenCallsAfterDeath, 0),
  ];
}

export function soakTable(
  seed: number,
  paceMs: number,
  results: SoakResult[],
  wallMs: number,
): string {
  const byFault = new Map<string, SoakResult[]>();
  for (const result of results)
    for (const name of ["all", ...faultNames(result.plan)])
      byFault.set(name, [...(byFault.get(name) ?? []), result]);
  // "all" first, then the faults in the order faultNames lists them.
  const order = (name: string) => (name === "all" ? -1 : FAULT_ORDER.indexOf(name));
  const groups = [...byFault].sort((a, b) => order(a[0]) - order(b[0]));
  const header = [
    "fault",
    "workflows",
    "completed",
    "delivered once",
    "orphaned, retrievable",
    "lost",
    "duplicate finals",
    "token calls after death",
  ];
  const pace = paceMs === 0 ? "all started at once" : `one started every ${paceMs} ms`;
  const lines = [
    `Soak: ${results.length} workflows (${pace}), seed ${seed}, ${(wallMs / 1000).toFixed(1)} s`,
    "",
    ...markdownTable([header, ...groups.map(([name, group]) => summaryRow(name, group))]),
    "",
    ...failureReasons(results),
  ];
  const failures = results.filter((r) => r.outcome.problems.length > 0);
  for (const failure of failures.slice(0, 20))
    lines.push(
      `✗ plan ${failure.plan.index} (${failure.workflowId ?? "no id"}): ${failure.outcome.problems.join("; ")} [${faultNames(failure.plan).join(", ")}]`,
    );
  return lines.join("\n").trimEnd();
}
