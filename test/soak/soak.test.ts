// The short fault-injection soak that runs in `npm test`: a dozen workflows, each with a seeded
// fault schedule. `npm run soak` runs the same scenario with hundreds (scripts/soak.ts).
import { inject, it } from "vitest";
import { runSoak } from "./soak-run.ts";
import { soakTable } from "./soak-table.ts";

const workflows = inject("soakWorkflows") ?? 12;
const seed = inject("soakSeed") ?? 20261122;
const paceMs = inject("soakPaceMs") ?? (workflows <= 20 ? 0 : 100);
const timeoutMs = 60_000 + workflows * (paceMs + 300);

it(
  `soak: ${workflows} workflows under seeded faults (seed ${seed}) end delivered once or retrievable, never using a dead token`,
  async () => {
    const started = Date.now();
    const results = await runSoak(seed, workflows, paceMs, timeoutMs);
    const table = soakTable(seed, paceMs, results, Date.now() - started);
    console.log(table);
    const failures = results.filter((r) => r.outcome.problems.length > 0);
    if (failures.length > 0)
      throw new Error(
        `${failures.length} of ${workflows} soak workflows failed (replay with npm run soak -- --seed ${seed} --workflows ${workflows})\n${table}`,
      );
  },
  timeoutMs + 30_000,
);
