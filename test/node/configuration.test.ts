import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { OPTIONAL_SECRETS } from "../../scripts/deploy/secrets.ts";

describe("configuration files", () => {
  it(".dev.vars.example lists every variable and secret the Worker reads", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    const example = readFileSync(".dev.vars.example", "utf8");
    const listed = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const needed = [
      ...Object.keys(config.vars),
      ...(config.secrets?.required ?? []),
      ...OPTIONAL_SECRETS,
    ];
    expect(needed.filter((name) => !listed.has(name))).toEqual([]);
  });

  it("declares every binding the design needs", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    expect(config.durable_objects.bindings).toEqual([
      { name: "WORKFLOWS", class_name: "WorkflowTracker" },
      { name: "BOT_GATE", class_name: "BotGate" },
      { name: "CHANNEL_OUTBOX", class_name: "ChannelOutbox" },
      { name: "SITE_BUDGET", class_name: "SiteBudget" },
    ]);
    expect(config.migrations[0]?.new_sqlite_classes).toEqual(["WorkflowTracker"]);
    expect(config.migrations[1]?.new_sqlite_classes).toEqual(["BotGate", "ChannelOutbox"]);
    expect(config.migrations[2]?.new_sqlite_classes).toEqual(["SiteBudget"]);
    expect(config.queues.producers?.map((p: { binding: string }) => p.binding)).toEqual([
      "STAGES",
      "BULK_STAGES",
      "FILE_REPLIES",
    ]);
    // Both stage queues are consumed, and give up into the one dead-letter queue.
    for (const queue of ["longflow-stages", "longflow-bulk-stages"]) {
      const consumer = config.queues.consumers?.find((c: { queue: string }) => c.queue === queue);
      expect(consumer?.dead_letter_queue).toBe("longflow-stages-dlq");
    }
    expect(config.d1_databases[0]).toMatchObject({ binding: "DB", migrations_dir: "migrations" });
    expect(config.r2_buckets[0]?.binding).toBe("RESULTS");
    expect(config.triggers.crons).toEqual(["0 * * * *"]);
  });

  it("secrets: wrangler.toml, the deploy, the Worker's types and the README agree on required and optional", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    const required = config.secrets?.required ?? [];
    expect(required).toEqual([
      "DISCORD_APPLICATION_ID",
      "DISCORD_PUBLIC_KEY",
      "DISCORD_BOT_TOKEN",
      "DATA_ENCRYPTION_KEY",
    ]);
    expect(OPTIONAL_SECRETS.filter((name) => required.includes(name))).toEqual([]);

    const readme = readFileSync("README.md", "utf8");
    const table = [...readme.matchAll(/^\| `([A-Z_]+)` +\| (required|optional)\b/gm)];
    expect(table.filter((row) => row[2] === "required").map((row) => row[1])).toEqual(required);
    expect(table.filter((row) => row[2] === "optional").map((row) => row[1])).toEqual([
      ...OPTIONAL_SECRETS,
    ]);

    // Optional secrets are typed as possibly absent; `wrangler types` only knows the required.
    const declared = readFileSync("src/optional-secrets.d.ts", "utf8");
    const toml = readFileSync("wrangler.toml", "utf8");
    for (const name of OPTIONAL_SECRETS) {
      expect(declared).toMatch(new RegExp(`^\\s+${name}\\?: string;`, "m"));
      expect(toml).toMatch(new RegExp(`^#\\s+${name}\\s`, "m"));
    }
  });

  it("keeps request URLs (and so live view signatures) out of the Workers logs", () => {
    const config = unstable_readConfig({ config: "wrangler.toml" });
    expect(config.observability?.enabled).toBe(true);
    expect(config.observability?.logs?.invocation_logs).toBe(false);
  });
});
