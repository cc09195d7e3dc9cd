// Splits a recorded deploy into the part before the Worker upload, which wrangler makes one call
// at a time (its order is asserted), and the triggers after it, which wrangler sends concurrently
// (asserted as a sorted list).
import { callLines, type RecordedCall } from "./fake-cloudflare-api/recording.ts";

const UPLOAD = /(PUT \/accounts\/:account\/workers\/scripts\/[^/]+|\/versions)$/;

export function deploySequence(calls: readonly RecordedCall[], accountId: string) {
  const lines = callLines(calls, accountId);
  const upload = lines.findLastIndex((line) => UPLOAD.test(line));
  return {
    untilUpload: upload < 0 ? lines : lines.slice(0, upload + 1),
    afterUpload: upload < 0 ? [] : lines.slice(upload + 1).sort(),
  };
}

/** The calls that create something: POSTs to a collection of resources. */
export function creations(calls: readonly RecordedCall[], accountId: string): string[] {
  return callLines(calls, accountId).filter((line) =>
    /POST \/accounts\/:account\/(d1\/database|r2\/buckets|queues)$/.test(line.replace(/^\d+ /, "")),
  );
}
