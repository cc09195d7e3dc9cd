// e) 1,000 workflows started at once through POST /interactions: all must complete and be
// delivered, none lost. Wall time, acknowledgement times, and the peak memory of wrangler dev.
import { type BenchTarget, benchCall, benchId } from "./bench-client.ts";
import { samplePeakRss } from "./process-memory.ts";
import { sendCommands, slashCommand } from "./send-interactions.ts";
import { type Distribution, distribution } from "./stats.ts";

export interface ThousandReport {
  workflows: number;
  /**
   * The anchor: as many signed PINGs at once, through the same emulator and wrangler dev. What
   * they cannot do (all within 3 s) bounds what the start path can.
   */
  pingOver3s: number;
  pingAckMs: Distribution;
  /** Answered with a deferred reply (type 5), however late. */
  acknowledged: number;
  /** Answered after Discord's 3 s: Discord would show an error and kill the token. */
  ackOver3s: number;
  ackMs: Distribution;
  results: number;
  completed: number;
  delivered: number;
  lost: number;
  allAckedMs: number;
  wallMs: number;
  peakRssBytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureThousand(
  target: BenchTarget,
  devPid: number,
  plan: { workflows: number; channels: number; inFlight: number; timeoutMs: number },
): Promise<ThousandReport> {
  const channels = Array.from({ length: plan.channels }, () => ({
    channelId: benchId(),
    guildId: benchId(),
  }));
  const commands = Array.from({ length: plan.workflows }, (_, i) => {
    const actor = {
      userId: benchId(),
      ...(channels[i % channels.length] as { channelId: string; guildId: string }),
    };
    return { actor, interaction: slashCommand("bench_noop_3", [], actor) };
  });
  const pings = await sendCommands(
    target,
    commands.map(({ actor }) => ({ actor, interaction: { type: 1 } })),
    plan.inFlight,
    true,
  );
  const memory = samplePeakRss(devPid, 200);
  const since = Date.now();
  const started = performance.now();
  const sent = await sendCommands(target, commands, plan.inFlight, true);
  const allAckedMs = performance.now() - started;
  let counts = { running: 0, results: 0, delivered: 0, completed: 0 };
  const deadline = Date.now() + plan.timeoutMs;
  while (Date.now() < deadline) {
    counts = await benchCall(target, `unfinished?since=${since - 1000}`);
    if (
      counts.running === 0 &&
      counts.results >= plan.workflows &&
      counts.delivered === counts.results
    )
      break;
    await sleep(250);
  }
  const wallMs = performance.now() - started;
  const acked = sent.filter((s) => s.status === 200 && s.responseType === 5);
  return {
    workflows: plan.workflows,
    pingOver3s: pings.filter((s) => s.ackMs > 3000).length,
    pingAckMs: distribution(pings.map((s) => s.ackMs)),
    acknowledged: acked.length,
    ackOver3s: sent.filter((s) => s.ackMs > 3000).length,
    ackMs: distribution(sent.map((s) => s.ackMs)),
    results: counts.results,
    completed: counts.completed,
    delivered: counts.delivered,
    // Acknowledged (type 5) but never stored: the one outcome that must not happen.
    lost: Math.max(0, acked.length - counts.results),
    allAckedMs,
    wallMs,
    peakRssBytes: memory.stop(),
  };
}
