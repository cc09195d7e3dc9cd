// e) 1,000 workflows started at once through POST /interactions: all must complete and be
// delivered, none lost. Wall time, acknowledgement times, and the peak memory of wrangler dev.
import { type BenchTarget, benchCall, benchId } from "./bench-client.ts";
import { samplePeakRss } from "./process-memory.ts";
import { type SentCommand, sendCommands, slashCommand } from "./send-interactions.ts";
import { type Distribution, distribution } from "./stats.ts";

export interface ThousandReport {
  workflows: number;
  /**
   * The anchor: as many signed PINGs at once, through the same emulator and wrangler dev. What
   * they cannot do (all within 3 s) bounds what the start path can.
   */
  pingOver3s: number;
  pingAckMs: Distribution;
  /**
   * The second anchor: as many starts at once while the consumer is held until all are answered
   * (then released and run to the end). Locally the consumer's work shares workerd's one thread
   * with the answers; on Cloudflare it runs in other isolates.
   */
  heldOver3s: number;
  heldAckMs: Distribution;
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

type Plan = { workflows: number; channels: number; inFlight: number; timeoutMs: number };
type Counts = { running: number; results: number; delivered: number; completed: number };

/** One slash command per workflow, spread over the channels. */
function commandsFor(plan: Plan) {
  const channels = Array.from({ length: plan.channels }, () => ({
    channelId: benchId(),
    guildId: benchId(),
  }));
  return Array.from({ length: plan.workflows }, (_, i) => {
    const actor = {
      userId: benchId(),
      ...(channels[i % channels.length] as { channelId: string; guildId: string }),
    };
    return { actor, interaction: slashCommand("bench_noop_3", [], actor) };
  });
}

/** Waits until the workflows started since `since` are all stored and delivered (or timeout). */
async function untilAllDelivered(target: BenchTarget, since: number, plan: Plan): Promise<Counts> {
  let counts: Counts = { running: 0, results: 0, delivered: 0, completed: 0 };
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
  return counts;
}

const over3s = (sent: SentCommand[]) => sent.filter((s) => s.ackMs > 3000).length;

export async function measureThousand(
  target: BenchTarget,
  devPid: number,
  plan: Plan,
): Promise<ThousandReport> {
  const commands = commandsFor(plan);
  const pings = await sendCommands(
    target,
    commands.map(({ actor }) => ({ actor, interaction: { type: 1 } })),
    plan.inFlight,
    true,
  );
  await benchCall(target, "stages/hold", {});
  const heldSince = Date.now();
  let held: SentCommand[];
  try {
    held = await sendCommands(target, commandsFor(plan), plan.inFlight, true);
  } finally {
    await benchCall(target, "stages/release", {});
  }
  await untilAllDelivered(target, heldSince, plan);
  const memory = samplePeakRss(devPid, 200);
  const since = Date.now();
  const started = performance.now();
  const sent = await sendCommands(target, commands, plan.inFlight, true);
  const allAckedMs = performance.now() - started;
  const counts = await untilAllDelivered(target, since, plan);
  const wallMs = performance.now() - started;
  const acked = sent.filter((s) => s.status === 200 && s.responseType === 5);
  return {
    workflows: plan.workflows,
    pingOver3s: over3s(pings),
    pingAckMs: distribution(pings.map((s) => s.ackMs)),
    heldOver3s: over3s(held),
    heldAckMs: distribution(held.map((s) => s.ackMs)),
    acknowledged: acked.length,
    ackOver3s: over3s(sent),
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
