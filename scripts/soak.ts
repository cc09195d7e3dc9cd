// `npm run soak`: the fault-injection soak at scale. Runs test/soak/ (the scenario `npm test`
// runs with a dozen workflows) in workerd through vitest, with N workflows and a seed handed to
// the test; prints its table and exits non-zero on any loss, duplicate, late token call, or
// workflow the engine failed although none of its stages did.
//   npm run soak                          200 workflows, a random seed
//   npm run soak -- --workflows 1000      up to 1,000
//   npm run soak -- --seed 12345          replay a printed seed
//   npm run soak -- --burst               start them all at once instead of 10 a second
import { startVitest } from "vitest/node";
import { integerFlag, readCommandLine } from "./cli/command-line.ts";

const line = readCommandLine({
  command: "npm run soak --",
  summary:
    "The fault-injection soak at scale: N workflows in workerd through vitest; exits 1 on any loss,\nduplicate, late token call, or workflow failed although none of its stages did.",
  flags: {
    workflows: { type: "string", value: "<n>", default: "200", description: "how many, 1 to 1000" },
    seed: { type: "string", value: "<n>", description: "replay a printed seed (default: random)" },
    burst: {
      type: "boolean",
      default: false,
      description: "start them all at once, not 10 a second",
    },
  },
  examples: ["npm run soak", "npm run soak -- --workflows 1000", "npm run soak -- --seed 12345"],
});
const values = line.flags;

/**
 * Locally one queue batch runs at a time: started all at once (--burst), hundreds of first
 * stages wait in the queue far longer than STAGE_LEASE_MS; that wait is queue lag, not a dead
 * runner, and must not fail a workflow.
 */
const PACE_MS = 100;
const workflows = integerFlag(line, "workflows", values.workflows, { min: 1, max: 1000 });
const seed =
  values.seed === undefined
    ? Math.floor(Math.random() * 2 ** 31)
    : integerFlag(line, "seed", values.seed, { min: 0 });
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
