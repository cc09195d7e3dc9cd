import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { botGateStub } from "../../src/gate/gate-client.ts";
import { router } from "../../src/http/router.ts";
import { bindingTripwire } from "../helpers/binding-tripwire.ts";
import { botTokenProbes, lastEmulatorSeq } from "../helpers/bot-token-probes.ts";

const FLOOD = 2000;
const AT_ONCE = 100;

const ctx = {
  waitUntil: () => {},
  passThroughOnException: () => {},
  props: {},
} as unknown as ExecutionContext;

describe("GET /health (public)", () => {
  it(`answers ${FLOOD} requests "up" without one Durable Object, D1, R2, queue or Discord call`, async () => {
    const { env: watched, uses } = bindingTripwire(env);
    const since = await lastEmulatorSeq();
    const statuses: string[] = [];
    for (let sent = 0; sent < FLOOD; sent += AT_ONCE) {
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          const res = await router.fetch(new Request("http://bot.test/health"), watched, ctx);
          return `${res.status} ${JSON.stringify(await res.json())}`;
        }),
      );
      statuses.push(...answers);
    }
    expect(statuses).toHaveLength(FLOOD);
    expect(new Set(statuses)).toEqual(new Set(['200 {"status":"up"}']));
    expect(uses).toEqual([]);
    // The emulator logs every request it gets; other test files run beside this one, so only
    // the health probe's own route is ours to count.
    expect(await botTokenProbes(since)).toEqual([]);
  });

  it("tells a stranger only up or down: not a closed gate, not a rejected token", async () => {
    await botGateStub(env).close({ reason: "bad_bot_token" });
    try {
      const res = await exports.default.fetch("http://bot.test/health");
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"status":"up"}');
      expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    } finally {
      await botGateStub(env).reopen();
    }
  });

  it("is down (503) when a binding the Worker needs is missing", async () => {
    const { RESULTS: _r2, ...withoutR2 } = env;
    const res = await router.fetch(
      new Request("http://bot.test/health"),
      withoutR2 as unknown as Env,
      ctx,
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "down" });
  });
});
