// What must hold for every soak workflow: it ended, and its result reached the user exactly once
// or is stored and retrievable; and its interaction token was never used after it died.
import { env } from "cloudflare:workers";
import { resultPrefix } from "../../src/results/result-store.ts";
import { trackerStub } from "../../src/tracker/api.ts";
import type { WorkflowSnapshot } from "../../src/tracker/rpc.ts";
import type { EmulatedMessage } from "../helpers/emulator.ts";
import { editedOriginal, withReplyToken } from "../helpers/file-reply.ts";
import { commandData, interactionFrom, sendInteraction } from "../helpers/workflow-harness.ts";
import type { AppliedFaults, SoakActor } from "./fault-driver.ts";
import type { RequestWatch } from "./request-watch.ts";
import { soakWorkflow } from "./soak-workflow.ts";

export type SoakVerdict = "delivered" | "orphaned, retrievable" | "LOST";

export interface SoakOutcome {
  verdict: SoakVerdict;
  finalMessages: number;
  /** Interaction-token calls Discord answered "token dead" beyond the one that found out. */
  tokenCallsAfterDeath: number;
  problems: string[];
}

function finalsOf(messages: EmulatedMessage[], workflowId: string): number {
  const footer = `workflow ${workflowId}`;
  return messages.filter((m) =>
    (m.embeds as { footer?: { text?: string } }[]).some((e) => e.footer?.text === footer),
  ).length;
}

/** The owner asks for it, as a user would after an orphaned delivery. */
async function retrievable(workflowId: string, actor: SoakActor): Promise<boolean> {
  const row = await env.DB.prepare("SELECT workflow_id FROM results WHERE workflow_id = ?")
    .bind(workflowId)
    .first();
  const stored = await env.RESULTS.head(`${resultPrefix(workflowId)}result.json`);
  if (!row || !stored) return false;
  // A channel of its own: the retrieved result must not count as a delivery in the actor's.
  const { body, token } = await withReplyToken(
    interactionFrom(
      { userId: actor.userId, username: "soak" },
      2,
      commandData("retrieve_results", { workflow_id: workflowId }),
      { guildId: actor.guildId },
    ),
  );
  const reply = await sendInteraction(body, [soakWorkflow]);
  if (reply.status !== 200) return false;
  await reply.body?.cancel();
  // No edit within editedOriginal's wait is "not retrievable", reported as such by the caller.
  const edited = await editedOriginal(token).catch(() => null);
  return edited !== null && finalsOf([edited], workflowId) === 1;
}

const DEAD_TOKEN_CODES = new Set([50027, 10015, 10062]);

export async function checkWorkflow(
  workflowId: string | undefined,
  snapshot: WorkflowSnapshot | null,
  actor: SoakActor,
  faults: AppliedFaults,
  messages: EmulatedMessage[],
  watch: RequestWatch,
): Promise<SoakOutcome> {
  const problems: string[] = [];
  const deadAnswers = watch
    .onToken(actor.token)
    .filter(
      (r) =>
        (r.status === 401 || r.status === 404) && r.code !== null && DEAD_TOKEN_CODES.has(r.code),
    );
  // Killing the token early is found out by one call; a token that simply expired, by none.
  const allowed = faults.tokenKilledAt === null ? 0 : 1;
  const tokenCallsAfterDeath = Math.max(0, deadAnswers.length - allowed);
  if (tokenCallsAfterDeath > 0)
    problems.push(`${tokenCallsAfterDeath} interaction-token call(s) after the token died`);
  if (!workflowId || !snapshot) {
    problems.push("the workflow never ran");
    return { verdict: "LOST", finalMessages: 0, tokenCallsAfterDeath, problems };
  }
  const finalMessages = finalsOf(messages, workflowId);
  // No soak stage fails for good (a planned crash hits the first attempt only), so a workflow
  // that did not complete was failed by the engine itself: e.g. a watchdog that took a stage
  // waiting in the queue for a dead runner.
  if (snapshot.status !== "completed")
    problems.push(`ended ${snapshot.status} although no stage failed for good: ${snapshot.error}`);
  if (snapshot.deliveryState === "delivered") {
    if (finalMessages !== 1) problems.push(`${finalMessages} final messages instead of 1`);
    return { verdict: "delivered", finalMessages, tokenCallsAfterDeath, problems };
  }
  if (snapshot.deliveryState === "orphaned") {
    if (finalMessages !== 0) problems.push(`orphaned but ${finalMessages} final message(s) exist`);
    if (await retrievable(workflowId, actor))
      return { verdict: "orphaned, retrievable", finalMessages, tokenCallsAfterDeath, problems };
    problems.push("orphaned and not retrievable");
    return { verdict: "LOST", finalMessages, tokenCallsAfterDeath, problems };
  }
  // What it was doing last, so a failed soak says where a workflow stuck, not only that it did.
  const events = workflowId ? await trackerStub(env, workflowId).events(0) : [];
  const last = events
    .slice(-4)
    .map(
      (e) =>
        `${e.type}${Object.keys(e.data).length ? ` ${JSON.stringify(e.data).slice(0, 160)}` : ""}`,
    );
  problems.push(
    `did not finish: status ${snapshot.status}, delivery ${snapshot.deliveryState}; last events: ${last.join(" | ")}`,
  );
  return { verdict: "LOST", finalMessages, tokenCallsAfterDeath, problems };
}
