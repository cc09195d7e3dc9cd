export type CappedBody =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: "too_large"; limit: number };

/**
 * Reads a body up to `maxBytes`; one byte more and the stream is cancelled, so a huge or endless
 * response costs at most the cap. A declared Content-Length above the cap is refused unread.
 * When `signal` aborts, the read stops and the signal's reason is thrown.
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<CappedBody> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, reason: "too_large", limit: maxBytes };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  // A body that trickles must not outlive the deadline: cancelling ends the pending read.
  const stop = () => {
    reader.cancel(signal?.reason).catch(() => undefined); // the abort is reported below
  };
  signal?.addEventListener("abort", stop, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: "too_large", limit: maxBytes };
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", stop);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Decodes with the charset the server declared, falling back to UTF-8 for unknown labels. */
export function decodeText(bytes: Uint8Array, contentType: string | null): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8").decode(bytes);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new TextDecoder("utf-8").decode(bytes); // an unknown charset label
  }
}
