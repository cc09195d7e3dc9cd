// Runs the deploy's steps in order and, when one fails, says what was done, what failed and what
// was not done. Every step finds what an earlier run made, so the answer to a failure is to run
// the deploy again.
export interface Step {
  describe: string;
  /** Does the step's work; returns a short outcome ("created", "exists", ...). */
  run: () => string | Promise<string>;
}

export type StepsOutcome = { ok: true } | { ok: false; report: string };

export async function runSteps(
  steps: readonly Step[],
  log: (line: string) => void,
): Promise<StepsOutcome> {
  const done: string[] = [];
  for (const [i, step] of steps.entries()) {
    log(`\n[${i + 1}/${steps.length}] ${step.describe}`);
    try {
      const outcome = await step.run();
      log(`  → ${outcome}`);
      done.push(`  ${i + 1}. ${step.describe}: ${outcome}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const notDone = steps.slice(i + 1).map((s, j) => `  ${i + j + 2}. ${s.describe}`);
      return {
        ok: false,
        report: failureReport(done, `  ${i + 1}. ${step.describe}: ${reason}`, notDone),
      };
    }
  }
  return { ok: true };
}

function failureReport(done: string[], failed: string, notDone: string[]): string {
  return [
    "",
    "Deploy stopped.",
    `Done:\n${done.length > 0 ? done.join("\n") : "  nothing"}`,
    `Failed:\n${failed}`,
    `Not done:\n${notDone.length > 0 ? notDone.join("\n") : "  nothing"}`,
    "Run `npm run deploy` again once the cause is fixed: finished steps find what they made and",
    "change nothing. A failed Worker upload changes nothing that serves traffic.",
  ].join("\n");
}
