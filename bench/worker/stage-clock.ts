// When each measured workflow's stages (or steps) ran, kept in this isolate's memory so that
// timing the engines adds no storage or RPC traffic of its own.

export interface StageMarks {
  first: number;
  last: number;
  runs: number;
}

const marks = new Map<string, StageMarks>();

export function markStageRun(key: string): void {
  const at = Date.now();
  const known = marks.get(key);
  if (known) {
    known.last = at;
    known.runs++;
  } else {
    marks.set(key, { first: at, last: at, runs: 1 });
  }
}

export function stageMarks(key: string): StageMarks | undefined {
  return marks.get(key);
}

export function forgetMarks(keys: string[]): void {
  for (const key of keys) marks.delete(key);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every key has `runs` marks. Polls memory only; the timer also keeps this request
 * alive while other invocations (queue, workflow engine) do the work.
 */
export async function waitForRuns(
  keys: string[],
  runs: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (keys.every((key) => (marks.get(key)?.runs ?? 0) >= runs)) return true;
    await sleep(5);
  }
  return false;
}
