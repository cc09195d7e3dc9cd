import type { MessageEdit } from "../discord/client.ts";
import type { Logger } from "../log.ts";
import type { FileReplyJob } from "./file-reply-job.ts";

/** The edit of the deferred reply, and what to record once Discord has it. */
export interface BuiltFileReply {
  edit: MessageEdit;
  /** Runs after the edit succeeded; a job that repeats (at-least-once) may run it again. */
  delivered?: () => Promise<void>;
}

/**
 * One kind of reply with files (a retrieved result, a channel export…): builds the edit with its
 * files within `job.target.attachmentSizeLimit`, larger ones as download links (file-links.ts).
 * `attachmentSizeLimit` 0 asks for links only: Discord refused the upload as too large.
 */
export interface FileReplyKind {
  build(env: Env, job: FileReplyJob, log: Logger): Promise<BuiltFileReply>;
}
