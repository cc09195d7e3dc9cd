import { resultFileKey, workFileKey } from "../results/result-store.ts";
import type { ResultFile } from "../workflow/definition.ts";
import {
  type FileUpload,
  PART_BYTES,
  type StageFiles,
  type UploadState,
} from "../workflow/stage-files.ts";

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`"${name.slice(0, 40)}" is not a file name stages may use`);
  return name;
}

const encoder = new TextEncoder();

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * A multipart upload that survives yields and crashes: parts go out as soon as PART_BYTES are
 * buffered; the smaller tail is saved as its own object on `suspend`. A run resumed from an
 * older state re-sends the parts after it under the same part numbers, which R2 replaces.
 */
class R2FileUpload implements FileUpload {
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;

  // Plain fields, not parameter properties: Node's type stripping (scripts) refuses those.
  private readonly bucket: R2Bucket;
  private readonly workflowId: string;
  private readonly upload: R2MultipartUpload;
  private state: UploadState;

  constructor(bucket: R2Bucket, workflowId: string, upload: R2MultipartUpload, state: UploadState) {
    this.bucket = bucket;
    this.workflowId = workflowId;
    this.upload = upload;
    this.state = state;
  }

  get bytes(): number {
    return this.state.partBytes + this.bufferedBytes;
  }

  /** Puts the saved tail back in the buffer (resuming). */
  async restoreTail(): Promise<void> {
    if (!this.state.tail) return;
    const object = await this.bucket.get(workFileKey(this.workflowId, this.state.tail));
    if (!object) throw new Error(`the saved tail of ${this.state.name} is missing`);
    const tail = new Uint8Array(await object.arrayBuffer());
    this.buffered = [tail];
    this.bufferedBytes = tail.byteLength;
  }

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = bytesOf(data);
    if (bytes.byteLength === 0) return;
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.byteLength;
    while (this.bufferedBytes >= PART_BYTES) await this.sendPart(PART_BYTES);
  }

  private async sendPart(size: number): Promise<void> {
    const all = concat(this.buffered, this.bufferedBytes);
    const part = all.subarray(0, size);
    const rest = all.subarray(size);
    const partNumber = this.state.parts.length + 1;
    const uploaded = await this.upload.uploadPart(partNumber, part);
    this.state = {
      ...this.state,
      parts: [...this.state.parts, { partNumber, etag: uploaded.etag }],
      partBytes: this.state.partBytes + part.byteLength,
    };
    this.buffered = rest.byteLength > 0 ? [rest.slice()] : [];
    this.bufferedBytes = rest.byteLength;
  }

  async suspend(): Promise<UploadState> {
    const seq = this.state.seq + 1;
    let tail: string | null = null;
    if (this.bufferedBytes > 0) {
      tail = `${this.state.name}.tail-${seq}`;
      await this.bucket.put(
        workFileKey(this.workflowId, tail),
        concat(this.buffered, this.bufferedBytes),
      );
    }
    this.state = { ...this.state, tail, seq };
    return this.state;
  }

  async finish(): Promise<ResultFile> {
    if (this.bufferedBytes > 0 || this.state.parts.length === 0)
      await this.sendPart(this.bufferedBytes);
    await this.upload.complete(this.state.parts);
    const key = resultFileKey(this.workflowId, this.state.name);
    const head = await this.bucket.head(key);
    return {
      name: this.state.name,
      contentType: this.state.contentType,
      bytes: head?.size ?? this.state.partBytes,
    };
  }
}

/** `context.files` on R2: everything under the workflow's result prefix. */
export function r2StageFiles(bucket: R2Bucket, workflowId: string): StageFiles {
  return {
    async put(name, data) {
      await bucket.put(workFileKey(workflowId, checkedName(name)), data);
    },
    async text(name) {
      const object = await bucket.get(workFileKey(workflowId, checkedName(name)));
      return object ? object.text() : null;
    },
    async remove(names) {
      if (names.length > 0)
        await bucket.delete(names.map((name) => workFileKey(workflowId, checkedName(name))));
    },
    async upload(name, contentType, saved) {
      const key = resultFileKey(workflowId, checkedName(name));
      if (saved) {
        const resumed = new R2FileUpload(
          bucket,
          workflowId,
          bucket.resumeMultipartUpload(key, saved.uploadId),
          saved,
        );
        await resumed.restoreTail();
        return resumed;
      }
      const upload = await bucket.createMultipartUpload(key, {
        httpMetadata: { contentType },
      });
      return new R2FileUpload(bucket, workflowId, upload, {
        name,
        contentType,
        uploadId: upload.uploadId,
        parts: [],
        partBytes: 0,
        tail: null,
        seq: 0,
      });
    },
    async size(name) {
      return (await bucket.head(resultFileKey(workflowId, checkedName(name))))?.size ?? null;
    },
  };
}
