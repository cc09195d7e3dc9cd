import type { FileReplyKind } from "./file-reply-kind.ts";
import { RETRIEVE_REPLY_KIND, retrievedResultReply } from "./retrieve-results-reply.ts";

/** Every kind of reply with files, by the `kind` its jobs carry. One line per kind. */
export const fileReplyKinds: ReadonlyMap<string, FileReplyKind> = new Map([
  [RETRIEVE_REPLY_KIND, retrievedResultReply],
]);
