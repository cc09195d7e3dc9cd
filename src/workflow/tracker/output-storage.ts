import type { OutputStorage } from "./lifecycle.ts";

/** Stage outputs above this size go to R2; SQLite rows stay far below their 2 MB limit. */
export const INLINE_OUTPUT_BYTES = 64 * 1024;

export function r2OutputStorage(bucket: R2Bucket, workflowId: string): OutputStorage {
  return {
    save: async (stage, json) => {
      if (json.length <= INLINE_OUTPUT_BYTES) return { inline: json };
      const ref = `workflows/${workflowId}/stages/${stage.idx}-${stage.name}.json`;
      await bucket.put(ref, json);
      return { ref };
    },
    load: async (ref) => {
      const object = await bucket.get(ref);
      if (!object) throw new Error(`stage output ${ref} is missing from R2`);
      return object.text();
    },
  };
}
