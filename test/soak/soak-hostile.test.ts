// The soak with the hostile-site corpus mixed in: seeded-fault workflows and /autointel runs
// against trap sites share the queue; none of the soak's workflows may be lost, and every
// hostile analysis must end with its report delivered.
import { expect, it } from "vitest";
import { runHostileMix } from "./hostile-mix.ts";
import { runSoak } from "./soak-run.ts";
import { soakTable } from "./soak-table.ts";

const WORKFLOWS = 8;
const SEED = 20261130;
const TIMEOUT_MS = 90_000;

it(
  `soak: ${WORKFLOWS} workflows under seeded faults plus the hostile sites (seed ${SEED}): 0 lost`,
  async () => {
    const started = Date.now();
    const [results, hostile] = await Promise.all([
      runSoak(SEED, WORKFLOWS, 0, TIMEOUT_MS),
      runHostileMix(TIMEOUT_MS),
    ]);
    const table = soakTable(SEED, 0, results, Date.now() - started);
    console.log(table, "\nhostile:", hostile);
    const lost = results.filter((r) => r.outcome.problems.length > 0);
    expect(lost, table).toEqual([]);
    for (const run of hostile)
      expect(run, run.site).toMatchObject({ status: "completed", deliveryState: "delivered" });
  },
  TIMEOUT_MS + 30_000,
);
