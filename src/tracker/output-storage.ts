/**
 * Where stage outputs and paused stage state live: small ones inline in SQLite, large ones in R2
 * by reference, so no row comes near SQLite's 2 MB value limit. Byte length, not string length:
 * the limit is on bytes.
 */
export interface OutputStorage {
  save(name: string, json: string): Promise<{ inline: string } | { ref: string }>;
  load(ref: string): Promise<string>;
  /** Best effort: a leftover object is swept with the workflow's prefix by retention. */
  remove(ref: string): Promise<void>;
}

/** Values above this size go to R2. */
export const INLINE_VALUE_BYTES = 64 * 1024;

const encoder = new TextEncoder();

export function r2OutputStorage(bucket: R2Bucket, workflowId: string): OutputStorage {
  return {
    save: async (name, json) => {
      // Cheap bound first: a UTF-8 string is at most 3 bytes per UTF-16 unit.
      if (
        json.length * 3 <= INLINE_VALUE_BYTES ||
        encoder.encode(json).length <= INLINE_VALUE_BYTES
      )
        return { inline: json };
      const ref = `workflows/${workflowId}/stages/${name}.json`;
      await bucket.put(ref, json);
      return { ref };
    },
    load: async (ref) => {
      const object = await bucket.get(ref);
      if (!object) throw new Error(`stage value ${ref} is missing from R2`);
      return object.text();
    },
    remove: async (ref) => {
      await bucket.delete(ref);
    },
  };
}
