// `npm run soak`: the fault-injection soak at scale. Runs test/soak/ (the scenario `npm test`
// runs with a dozen workflows) in workerd through vitest, with N workflows and a seed handed to
// the test; prints its table and exits non-zero on any loss, duplicate, late token call, or
// workflow the engine failed although none of its stages did.
//   npm run soak                          200 workflows, a random seed
//   npm run soak -- --workflows 1000      up to 1,000
//   npm run soak -- --seed 12345          replay a printed seed
//   npm run soak -- --burst               start them all at once instead of 10 a second
import { parseArgs } from "node:util";
import { startVitest } from "vitest/node";

const { values } = parseArgs({
  options: {
    workflows: { type: "string", default: "200" },
    seed: { type: "string" },
    burst: { type: "boolean", default: false },
  },
});

/**
 * Locally one queue batch runs at a time: started all at once (--burst), hundreds of first
 * stages wait in the queue far longer than STAGE_LEASE_MS; that wait is queue lag, not a dead
 * runner, and must not fail a workflow.
 */
const PACE_MS = 100;
const workflows = Number(values.workflows);
if (!Number.isInteger(workflows) || workflows < 1 || workflows > 1000) {
  console.error("--workflows must be an integer from 1 to 1000");
  process.exit(2);
}
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error("--seed must be a non-negative integer");
  process.exit(2);
}
const replay = `npm run soak -- --workflows ${workflows} --seed ${seed}${values.burst ? " --burst" : ""}`;
console.log(`soak: ${workflows} workflows, seed ${seed} (replay: ${replay})`);

const vitest = await startVitest(["test/soak/"], {
  run: true,
  watch: false,
  project: ["workers"],
  provide: { soakWorkflows: workflows, soakSeed: seed, soakPaceMs: values.burst ? 0 : PACE_MS },
  // The table only: the Worker's own structured logs would run to many megabytes.
  silent: false,
  onConsoleLog: (log) => (log.startsWith("Soak:") ? undefined : false),
});
await vitest.close();
const failed = vitest.state.getCountOfFailedTests() > 0 || process.exitCode === 1;
process.exit(failed ? 1 : 0);
