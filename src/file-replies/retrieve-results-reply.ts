// The reply to /retrieve_results (and the "Result n" button): the stored result with its files,
// sent by the file-reply queue (src/file-replies/) as an edit of the deferred reply.

import { rawText } from "../discord/render/localized-text.ts";
import type { Logger } from "../log.ts";
import { countQuietly } from "../results/counters.ts";
import { resultActionsFor } from "../results/rerun.ts";
import { findResult, recordRetrieval } from "../results/result-index.ts";
import { resultFiles, resultMessage } from "../results/result-message.ts";
import { loadStoredResult } from "../results/result-store.ts";
import { retentionSettings } from "../results/retention-settings.ts";
import { workflowTitle } from "../workflow/registry.ts";
import { fitResultFiles, linksForOversized } from "./file-links.ts";
import type { FileReplyJob } from "./file-reply-job.ts";
import type { FileReplyKind } from "./file-reply-kind.ts";

export const RETRIEVE_REPLY_KIND = "retrieve";

export const NOT_FOUND_TEXT =
  "I can't find a result with that id. Results are kept for 30 days; run `/retrieve_results` without an id to list yours.";

const NO_LINKS_TEXT =
  "The full report is too large to attach here, and this bot has no download links set up (its operator can set LINK_SIGNING_SECRET and PUBLIC_BASE_URL).";

/** The job for one retrieval the handler has already allowed. */
export function retrieveJobArgs(workflowId: string, byOwner: boolean): FileReplyJob["args"] {
  return { workflowId, byOwner };
}

function countRetrieval(env: Env, log: Logger, wasOrphaned: boolean, success: boolean) {
  if (!wasOrphaned) return Promise.resolve();
  return countQuietly(
    env.DB,
    "orphaned_results_retrieved_total",
    { success: String(success) },
    (error) => log.warn("counter.failed", { error }),
  );
}

export const retrievedResultReply: FileReplyKind = {
  async build(env, job, log) {
    const workflowId = String(job.args.workflowId);
    const byOwner = job.args.byOwner === true;
    const row = await findResult(env.DB, workflowId);
    const stored = row ? await loadStoredResult(env.RESULTS, row.r2_prefix) : null;
    const wasOrphaned = row?.delivered_at === null;
    if (!row || !stored) {
      // Gone between the command and now (retention): the same answer as an unknown id.
      await countRetrieval(env, log, wasOrphaned, false);
      return { edit: { content: NOT_FOUND_TEXT } };
    }
    const limit = job.target.attachmentSizeLimit;
    const files = resultFiles(stored.meta, stored.result).map((file) => ({
      file,
      key: `${row.r2_prefix}${file.name}`,
    }));
    // Valid as long as the result is kept: retention deletes it then.
    const expiresAt = row.created_at + retentionSettings(env).resultRetentionMs;
    const fitted = await linksForOversized(env, files, limit, expiresAt);
    const stageFiles = await fitResultFiles(
      env,
      workflowId,
      stored.result.files ?? [],
      limit,
      expiresAt,
    );
    const title = workflowTitle(row.command, rawText("en-US") /* i18n: interim English */);
    const edit = resultMessage(stored.meta, title, stored.result, {
      actions: resultActionsFor(stored.meta),
      maxAttachmentBytes: limit,
      stageFiles,
      ...(fitted.ok ? { links: fitted.links } : { tooLargeText: NO_LINKS_TEXT }),
    });
    return {
      edit,
      delivered: async () => {
        await recordRetrieval(env.DB, workflowId, Date.now(), byOwner);
        await countRetrieval(env, log, wasOrphaned, true);
        log.info("result.retrieved", { workflowId, byOwner });
      },
    };
  },
};
