import type { JsonObject, ResultFile } from "./definition.ts";

/**
 * An upload in progress, as plain JSON for the stage's state: keep it in the state you yield so
 * the next invocation (or the one after a crash) resumes it. `seq` makes each saved tail a new
 * object, so a state saved earlier never points at a tail written after it.
 */
export interface UploadState extends JsonObject {
  name: string;
  contentType: string;
  uploadId: string;
  parts: { partNumber: number; etag: string }[];
  /** Bytes in the completed parts. */
  partBytes: number;
  /** The tail below the part size, saved when the stage yielded; null when empty. */
  tail: string | null;
  seq: number;
}

/** One result file written as a stream: text goes in, parts of PART_BYTES go to R2. */
export interface FileUpload {
  write(data: string | Uint8Array): Promise<void>;
  /** Saves the unsent tail to R2 and returns the state to keep; call before yielding. */
  suspend(): Promise<UploadState>;
  /** Sends the tail as the last part, completes the upload, and sizes it from R2. */
  finish(): Promise<ResultFile>;
  /** Bytes written so far (sent and buffered). */
  readonly bytes: number;
}

/**
 * A stage's files (`context.files`). Names are one path segment of letters, digits, `.`, `_`
 * and `-` (they end up in download links). Scratch objects (`put`/`text`/`remove`) are the
 * workflow's own: the engine deletes them once it completes (a failed or cancelled one keeps them
 * for Retry, until retention). Uploads become files a result can name in `WorkflowResult.files`.
 */
export interface StageFiles {
  put(name: string, data: string | Uint8Array): Promise<void>;
  /** The object's text, or null when it does not exist. */
  text(name: string): Promise<string | null>;
  remove(names: string[]): Promise<void>;
  /** Starts a result file's multipart upload, or resumes the one `saved` describes. */
  upload(name: string, contentType: string, saved?: UploadState | null): Promise<FileUpload>;
  /** A finished result file's size from R2 (never read to measure); null when absent. */
  size(name: string): Promise<number | null>;
}

/** R2's smallest part except the last. */
export const PART_BYTES = 5 * 1024 * 1024;
