import { backoffWithJitter } from "../backoff.ts";
import { engineConfig } from "../config.ts";
import type { MessageEdit } from "../discord/client.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { DiscordApiError } from "../discord/errors.ts";
import { isEntityTooLarge, isRetryable, isTokenDead } from "../discord/retries.ts";
import { createLogger, type Logger } from "../log.ts";
import { type FileReplyJob, parseFileReplyJob } from "./file-reply-job.ts";
import { fileReplyKinds } from "./file-reply-kinds.ts";

export const FILE_REPLY_FAILED_TEXT =
  "⚠️ Sorry, I couldn't send that here. Nothing you did caused it; please run the command again.";

type Outcome = "sent" | "retry" | "given_up";

function edit(env: Env, job: FileReplyJob, body: MessageEdit) {
  const { applicationId, interactionToken } = job.target;
  return createDiscordClient(env).editOriginalResponse(applicationId, interactionToken, body);
}

/** Builds and sends; a 40005 (the limit was not what the interaction said) gets links only. */
async function buildAndSend(env: Env, job: FileReplyJob, log: Logger): Promise<void> {
  const kind = fileReplyKinds.get(job.kind);
  if (!kind) throw new Error(`no file reply kind "${job.kind}"`);
  const built = await kind.build(env, job, log);
  try {
    await edit(env, job, built.edit);
  } catch (error) {
    if (!isEntityTooLarge(error)) throw error;
    log.warn("file_reply.too_large", { limit: job.target.attachmentSizeLimit });
    const linksOnly = { ...job, target: { ...job.target, attachmentSizeLimit: 0 } };
    await edit(env, job, (await kind.build(env, linksOnly, log)).edit);
  }
  await built.delivered?.();
}

/**
 * One job: not before Discord has surely seen the deferred reply (ack grace), not after the
 * token's usable life. A dead token ends it (the user runs the command again); a transient
 * failure is retried by the queue while the token lives; anything else gets an apology.
 */
async function runJob(env: Env, job: FileReplyJob, attempts: number, log: Logger) {
  const config = engineConfig(env);
  const usableUntil = job.target.receivedAt + config.tokenTtlMs - config.tokenSafetyMarginMs;
  const waitMs = job.target.receivedAt + config.ackGraceMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  if (Date.now() >= usableUntil) {
    log.warn("file_reply.token_expired", { attempts });
    return { outcome: "given_up" as Outcome };
  }
  try {
    await buildAndSend(env, job, log);
    log.info("file_reply.sent", { attempts });
    return { outcome: "sent" as Outcome };
  } catch (error) {
    if (isTokenDead(error)) {
      log.warn("file_reply.token_dead", { attempts });
      return { outcome: "given_up" as Outcome };
    }
    const delayMs = backoffWithJitter(attempts - 1, {
      baseMs: config.backoffBaseMs,
      capMs: config.backoffCapMs,
    });
    // Our own failures (R2, D1) are as transient as Discord's 5xx; Discord's refusals are not.
    const transient = isRetryable(error) || !(error instanceof DiscordApiError);
    if (transient && Date.now() + delayMs < usableUntil) {
      log.warn("file_reply.retry", { attempts, delayMs, error });
      return { outcome: "retry" as Outcome, delaySeconds: Math.ceil(delayMs / 1000) };
    }
    log.error("file_reply.failed", { attempts, error });
    await edit(env, job, { content: FILE_REPLY_FAILED_TEXT }).catch((apology: unknown) =>
      log.warn("file_reply.apology_failed", { error: apology }),
    );
    return { outcome: "given_up" as Outcome };
  }
}

/** The file-reply queue's consumer: each message is one reply, acked or retried alone. */
export async function handleFileReplyBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const job = parseFileReplyJob(message.body);
      const log = createLogger({
        component: "file-replies",
        kind: job?.kind,
        workflowId: job?.args.workflowId,
      });
      if (!job) {
        log.error("file_reply.malformed");
        message.ack();
        return;
      }
      const result = await runJob(env, job, message.attempts, log);
      if (result.outcome === "retry") message.retry({ delaySeconds: result.delaySeconds });
      else message.ack();
    }),
  );
}
