// Replies that carry files never travel in the HTTP answer to an interaction: Discord has failed
// multipart answers above about 150 KB. The handler queues a job, answers "thinking…" (type 5,
// ephemeral), and the job's consumer edits @original through the REST API with the files.
//
// The job is sent before the deferred reply, the way a workflow's start is: once Discord sees
// "thinking…", the edit is on a queue that retries it, not in a promise that dies with the
// request (waitUntil gives about 30 s and nothing after an eviction). A failed send is the
// handler's error: the user gets the apology instead of a "thinking…" nobody will edit.

import type { APIInteraction } from "discord-api-types/v10";
import { isLocale, type Locale, resolveLocale } from "../i18n/locales.ts";
import { attachmentSizeLimitOf } from "../results/result-message.ts";

/** Where the reply goes: the interaction's token, and how large a file Discord takes there. */
export interface FileReplyTarget {
  applicationId: string;
  interactionToken: string;
  /** When the Worker received the interaction: the token's clock. */
  receivedAt: number;
  attachmentSizeLimit: number;
  /** The asker's language: the reply is theirs alone (absent in a job queued before: English). */
  locale?: Locale;
}

/** One reply to build and send; `kind` picks the builder (file-reply-kinds.ts), `args` are its. */
export interface FileReplyJob {
  kind: string;
  args: Record<string, string | boolean>;
  target: FileReplyTarget;
}

const MAX_ARG_LENGTH = 200;

export function replyTarget(interaction: APIInteraction, receivedAt: number): FileReplyTarget {
  return {
    applicationId: interaction.application_id,
    interactionToken: interaction.token,
    receivedAt,
    attachmentSizeLimit: attachmentSizeLimitOf(interaction),
    locale: resolveLocale("locale" in interaction ? interaction.locale : undefined),
  };
}

export async function queueFileReply(env: Env, job: FileReplyJob): Promise<void> {
  await env.FILE_REPLIES.send(job);
}

function isTarget(value: unknown): value is FileReplyTarget {
  if (typeof value !== "object" || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.applicationId === "string" &&
    typeof t.interactionToken === "string" &&
    typeof t.receivedAt === "number" &&
    typeof t.attachmentSizeLimit === "number" &&
    (t.locale === undefined || isLocale(t.locale))
  );
}

export function parseFileReplyJob(body: unknown): FileReplyJob | null {
  if (typeof body !== "object" || body === null) return null;
  const { kind, args, target } = body as Record<string, unknown>;
  if (typeof kind !== "string" || !isTarget(target)) return null;
  if (typeof args !== "object" || args === null) return null;
  const entries = Object.entries(args);
  const valid = entries.every(
    ([, value]) =>
      typeof value === "boolean" || (typeof value === "string" && value.length <= MAX_ARG_LENGTH),
  );
  return valid ? { kind, args: args as FileReplyJob["args"], target } : null;
}
