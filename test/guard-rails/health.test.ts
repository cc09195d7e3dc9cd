import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { handleHealth } from "../../src/http/health.ts";

describe("GET /health", () => {
  it("is 200 with every dependency answering", async () => {
    const res = await exports.default.fetch("http://bot.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      checks: { d1: "ok", r2: "ok", queue: "ok", durable_objects: "ok" },
      bot_gate: { open: true, reason: null, closedAt: null, reopensAt: null, closures: 0 },
    });
  });

  it("is 503 naming the broken binding, without secrets or ids", async () => {
    const { RESULTS: _r2, ...withoutR2 } = env;
    const res = await handleHealth(withoutR2);
    expect(res.status).toBe(503);
    const body = (await res.json()) as {
      status: string;
      failed: string[];
      checks: Record<string, string>;
    };
    expect(body.failed).toEqual(["r2"]);
    expect(body.checks.r2).toBe("failed: binding missing");
    expect(body.checks.d1).toBe("ok");
    const text = JSON.stringify(body);
    expect(text).not.toContain(env.DISCORD_BOT_TOKEN);
    expect(text).not.toContain(env.DISCORD_APPLICATION_ID);
  });

  it("names a database that errors", async () => {
    const brokenDb = {
      prepare: () => {
        throw new Error(`secret ${env.DISCORD_BOT_TOKEN}`);
      },
    } as unknown as D1Database;
    const res = await handleHealth({ ...env, DB: brokenDb });
    const body = (await res.json()) as { failed: string[]; checks: Record<string, string> };
    expect(res.status).toBe(503);
    expect(body.failed).toEqual(["d1"]);
    expect(body.checks.d1).toBe("failed: error");
    expect(JSON.stringify(body)).not.toContain(env.DISCORD_BOT_TOKEN);
  });
});
