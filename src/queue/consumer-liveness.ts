import { createLogger } from "../log.ts";
import { CONSUMER_MARK, writeHealthMark } from "../results/health-marks.ts";

/**
 * The stage consumer proves it is alive once per batch (GET /health compares this with how long
 * stages have waited). Never fails the batch: a lost mark only makes /health more cautious.
 */
export async function recordConsumerRun(env: Env): Promise<void> {
  await writeHealthMark(env.DB, CONSUMER_MARK, Date.now()).catch((error: unknown) =>
    createLogger({ component: "stage-runner" }).warn("consumer_mark.failed", { error }),
  );
}
