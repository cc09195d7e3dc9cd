import { backoffOf, engineConfig } from "../config.ts";
import type { MessageEdit } from "../discord/client.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { DiscordApiError } from "../discord/errors.ts";
import { rawText } from "../discord/render/localized-text.ts";
import {
  isEntityTooLarge,
  isRetryable,
  isTokenDead,
  retryDelayOrBackoffMs,
} from "../discord/retries.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";
import { createLogger, type Logger } from "../log.ts";
import { type FileReplyJob, parseFileReplyJob } from "./file-reply-job.ts";
import type { FileReplyKind } from "./file-reply-kind.ts";
import { fileReplyKinds } from "./file-reply-kinds.ts";

/** The apology for a reply that could not be sent, in the asker's language. */
export function fileReplyFailedText(job: FileReplyJob): string {
  return rawText(job.target.locale ?? DEFAULT_LOCALE)("results.fileReplyFailed");
}

type JobResult = { outcome: "sent" | "given_up" } | { outcome: "retry"; delaySeconds: number };

type Edit = (body: MessageEdit) => Promise<unknown>;

function editorOf(env: Env, job: FileReplyJob): Edit {
  const discord = createDiscordClient(env);
  const { applicationId, interactionToken } = job.target;
  return (body) => discord.editOriginalResponse(applicationId, interactionToken, body);
}

/** Builds and sends; a 40005 (the limit was not what the interaction said) gets links only. */
async function buildAndSend(
  env: Env,
  job: FileReplyJob,
  kind: FileReplyKind,
  edit: Edit,
  log: Logger,
): Promise<void> {
  const built = await kind.build(env, job, log);
  try {
    await edit(built.edit);
  } catch (error) {
    if (!isEntityTooLarge(error)) throw error;
    log.warn("file_reply.too_large", { limit: job.target.attachmentSizeLimit });
    const linksOnly = { ...job, target: { ...job.target, attachmentSizeLimit: 0 } };
    await edit((await kind.build(env, linksOnly, log)).edit);
  }
  await built.delivered?.();
}

/**
 * One job: not before Discord has surely seen the deferred reply (ack grace), not after the
 * token's usable life. A dead token ends it (the user runs the command again); a transient
 * failure is retried by the queue while the token lives; anything else gets an apology.
 */
async function runJob(
  env: Env,
  job: FileReplyJob,
  kind: FileReplyKind,
  attempts: number,
  log: Logger,
): Promise<JobResult> {
  const config = engineConfig(env);
  const usableUntil = job.target.receivedAt + config.tokenTtlMs - config.tokenSafetyMarginMs;
  const waitMs = job.target.receivedAt + config.ackGraceMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  const edit = editorOf(env, job);
  if (Date.now() >= usableUntil) {
    log.warn("file_reply.token_expired", { attempts });
    return { outcome: "given_up" };
  }
  try {
    await buildAndSend(env, job, kind, edit, log);
    log.info("file_reply.sent", { attempts });
    return { outcome: "sent" };
  } catch (error) {
    if (isTokenDead(error)) {
      log.warn("file_reply.token_dead", { attempts });
      return { outcome: "given_up" };
    }
    const delayMs = retryDelayOrBackoffMs(error, attempts - 1, backoffOf(config));
    // Our own failures (R2, D1) are as transient as Discord's 5xx; Discord's refusals are not.
    const transient = isRetryable(error) || !(error instanceof DiscordApiError);
    if (transient && Date.now() + delayMs < usableUntil) {
      log.warn("file_reply.retry", { attempts, delayMs, error });
      return { outcome: "retry", delaySeconds: Math.ceil(delayMs / 1000) };
    }
    log.error("file_reply.failed", { attempts, error });
    await edit({ content: fileReplyFailedText(job) }).catch((apology: unknown) =>
      log.warn("file_reply.apology_failed", { error: apology }),
    );
    return { outcome: "given_up" };
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
      const kind = job ? fileReplyKinds.get(job.kind) : undefined;
      if (!job || !kind) {
        log.error("file_reply.malformed");
        message.ack();
        return;
      }
      const result = await runJob(env, job, kind, message.attempts, log);
      if (result.outcome === "retry") message.retry({ delaySeconds: result.delaySeconds });
      else message.ack();
    }),
  );
}
