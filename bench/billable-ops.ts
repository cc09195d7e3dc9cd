// d) Billable operations per N-stage workflow, counted by the bench Worker as they happen, for
// one workflow at a time started through POST /interactions and followed to its delivery.
import { type BenchTarget, benchCall, benchId, waitForQuiet } from "./bench-client.ts";
import { sendCommands, slashCommand } from "./send-interactions.ts";

export type Tally = Record<string, number>;

export interface BillableRow {
  stages: number;
  perWorkflow: Tally;
}

export interface BillableReport {
  rows: BillableRow[];
  /** (N-stage − 1-stage) / (N − 1): what each extra stage adds. */
  perExtraStage: Tally;
}

async function oneWorkflow(target: BenchTarget, stages: number): Promise<Tally> {
  await benchCall(target, "tally/reset", {});
  const actor = { userId: benchId(), guildId: benchId(), channelId: benchId() };
  const since = Date.now();
  const [sent] = await sendCommands(
    target,
    [{ actor, interaction: slashCommand(`bench_noop_${stages}`, [], actor) }],
    1,
  );
  if (sent?.responseType !== 5)
    throw new Error(`the bench workflow did not start: ${JSON.stringify(sent)}`);
  if (!(await waitForQuiet(target, since - 1000, 60_000, 1)))
    throw new Error("the workflow did not finish");
  return benchCall<Tally>(target, "tally");
}

function average(tallies: Tally[]): Tally {
  const sum: Tally = {};
  for (const tally of tallies)
    for (const [key, value] of Object.entries(tally))
      sum[key] = (sum[key] ?? 0) + value / tallies.length;
  return sum;
}

export async function measureBillableOps(
  target: BenchTarget,
  plan: { stageCounts: [number, number]; repeats: number },
): Promise<BillableReport> {
  const rows: BillableRow[] = [];
  for (const stages of plan.stageCounts) {
    const tallies: Tally[] = [];
    for (let i = 0; i < plan.repeats; i++) tallies.push(await oneWorkflow(target, stages));
    rows.push({ stages, perWorkflow: average(tallies) });
  }
  const [few, many] = rows as [BillableRow, BillableRow];
  const perExtraStage: Tally = {};
  for (const key of Object.keys(many.perWorkflow))
    perExtraStage[key] =
      ((many.perWorkflow[key] ?? 0) - (few.perWorkflow[key] ?? 0)) / (many.stages - few.stages);
  return { rows, perExtraStage };
}
