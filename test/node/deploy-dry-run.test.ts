import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("npm run deploy -- --dry-run", () => {
  it("prints the plan, builds the bundle offline, and changes nothing", () => {
    const before = readFileSync("wrangler.toml", "utf8");
    const run = spawnSync("node", ["scripts/deploy.ts", "--dry-run"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const plan = run.stdout;
    expect(plan).toContain("Deploy plan (dry run: nothing is created or changed):");
    expect(plan).toContain('D1 database "longflow": create if missing');
    expect(plan).toContain("check the secrets (required: DISCORD_APPLICATION_ID");
    expect(plan).toContain('queue "longflow-stages-dlq": create if missing');
    // wrangler deploy creates these itself when they are missing, bound by name
    expect(plan).toContain(
      'it creates R2 bucket "longflow-results", queue "longflow-stages", queue "longflow-file-replies" if missing',
    );
    expect(plan).toContain("apply D1 migrations");
    expect(plan).toContain("register the slash commands");
    expect(plan).toContain("dry run: the bundle builds; nothing was deployed.");
    expect(existsSync(".wrangler/deploy-dry-run/index.js")).toBe(true);
    expect(statSync(".wrangler/deploy-dry-run/index.js").size).toBeGreaterThan(10_000);
    expect(readFileSync("wrangler.toml", "utf8")).toBe(before);
  });
});
