import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

describe("configuration files", () => {
  it(".dev.vars.example lists every variable and secret the Worker reads", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    const example = readFileSync(".dev.vars.example", "utf8");
    const listed = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const needed = [...Object.keys(config.vars), ...(config.secrets?.required ?? [])];
    expect(needed.filter((name) => !listed.has(name))).toEqual([]);
  });

  it("declares every binding the design needs", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    expect(config.durable_objects.bindings).toEqual([
      { name: "WORKFLOWS", class_name: "WorkflowTracker" },
    ]);
    expect(config.migrations[0]?.new_sqlite_classes).toEqual(["WorkflowTracker"]);
    expect(config.queues.producers?.map((p: { binding: string }) => p.binding)).toEqual(["STAGES"]);
    const consumer = config.queues.consumers?.find(
      (c: { queue: string }) => c.queue === "longflow-stages",
    );
    expect(consumer?.dead_letter_queue).toBe("longflow-stages-dlq");
    expect(config.d1_databases[0]).toMatchObject({ binding: "DB", migrations_dir: "migrations" });
    expect(config.r2_buckets[0]?.binding).toBe("RESULTS");
    expect(config.triggers.crons).toEqual(["0 * * * *"]);
  });

  it("keeps request URLs (and so live view signatures) out of the Workers logs", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    expect(config.observability?.enabled).toBe(true);
    expect(config.observability?.logs?.invocation_logs).toBe(false);
  });
});
