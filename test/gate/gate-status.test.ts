import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { botGateStub } from "../../src/gate/gate-client.ts";
import type { GateConfig } from "../../src/gate/gate-config.ts";
import { admitThroughGate, closeGate, OPEN_GATE } from "../../src/gate/gate-policy.ts";

const config: GateConfig = {
  globalPerSecond: 50,
  banPauseMs: 1000,
  badTokenPauseMs: 500,
  maxPauseMs: 4000,
  probeTimeoutMs: 3000,
};

describe("the gate's reopening policy", () => {
  it("a global 429 closes it for Discord's retry_after, then it simply opens", () => {
    const closed = closeGate(
      OPEN_GATE,
      { reason: "global_rate_limit", retryAfterMs: 700 },
      0,
      config,
    );
    expect(admitThroughGate(closed, 699, config).admission).toMatchObject({
      waitMs: 1,
      probe: false,
    });
    const after = admitThroughGate(closed, 700, config);
    expect(after.admission).toEqual({ waitMs: 0, probe: false });
    expect(after.next.reason).toBeNull();
  });

  it("a ban lets exactly one probe out after its pause, and each failed probe doubles the pause", () => {
    let state = closeGate(OPEN_GATE, { reason: "cloudflare_ban" }, 0, config);
    expect(state.reopensAt).toBe(1000);
    const probe = admitThroughGate(state, 1000, config);
    expect(probe.admission.probe).toBe(true);
    state = probe.next;
    const held = admitThroughGate(state, 1001, config).admission;
    expect(held.probe).toBe(false);
    expect(held.waitMs).toBeGreaterThan(0);
    // The probe is banned again: twice as long, capped.
    state = closeGate(state, { reason: "cloudflare_ban" }, 1100, config);
    expect(state.reopensAt).toBe(1100 + 2000);
    for (let i = 0; i < 6; i++)
      state = closeGate(state, { reason: "cloudflare_ban" }, 5000, config);
    expect(state.reopensAt).toBe(5000 + 4000);
  });

  it("a probe that never reports frees the gate for another probe after its timeout", () => {
    const closed = closeGate(OPEN_GATE, { reason: "bad_bot_token" }, 0, config);
    const first = admitThroughGate(closed, 500, config);
    expect(first.admission.probe).toBe(true);
    expect(admitThroughGate(first.next, 3499, config).admission.probe).toBe(false);
    expect(admitThroughGate(first.next, 3500, config).admission.probe).toBe(true);
  });
});

describe("the gate in /health and /metrics", () => {
  it("shows a closed gate, its reason and when it reopens; then open again after a good probe", async () => {
    const gate = botGateStub(env);
    await gate.close({ reason: "cloudflare_ban" });
    const health = (await (
      await exports.default.fetch("http://bot.test/health/details", {
        headers: { authorization: "Bearer test-metrics-token" },
      })
    ).json()) as {
      bot_gate: { open: boolean; reason: string; reopensAt: number };
    };
    expect(health.bot_gate).toMatchObject({ open: false, reason: "cloudflare_ban" });
    expect(health.bot_gate.reopensAt).toBeGreaterThan(Date.now());
    const metrics = await (
      await exports.default.fetch("http://bot.test/metrics", {
        headers: { authorization: "Bearer test-metrics-token" },
      })
    ).text();
    expect(metrics).toContain('bot_gate_open{reason="cloudflare_ban"} 0');
    expect(metrics).toContain('bot_gate_closures_total{reason="cloudflare_ban"}');

    await gate.reopen(); // what a probe's good answer does
    expect((await gate.view()).open).toBe(true);
    const after = await (
      await exports.default.fetch("http://bot.test/metrics", {
        headers: { authorization: "Bearer test-metrics-token" },
      })
    ).text();
    expect(after).toContain('bot_gate_open{reason="none"} 1');
  });
});
