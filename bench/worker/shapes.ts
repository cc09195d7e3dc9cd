// Shapes the bench Worker answers with and the bench driver (Node) reads: types only, no Worker
// globals, so that both sides can import them.

/** Local consumer concurrency of one queue: how many batches were in flight at once. */
export type ConsumerStats = {
  inFlight: number;
  max: number;
  batches: number;
  messages: number;
  /** Each batch's handler: when it began and returned, and its size. */
  spans: { began: number; returned: number; size: number }[];
};

/**
 * Which queue carries our start messages: the product's, or two bench queues in turn, so that two
 * batches are in flight at once as on Cloudflare (see bench/wrangler-config.ts).
 */
export type OursQueues = "product" | "two-lanes";
