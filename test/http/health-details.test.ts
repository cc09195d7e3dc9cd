import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { botTokenFingerprint, botTokenState } from "../../src/http/bot-token-probe.ts";
import { CONSUMER_MARK, readHealthMark, writeHealthMark } from "../../src/results/health-marks.ts";
import { botTokenProbes, lastEmulatorSeq } from "../helpers/bot-token-probes.ts";

const MINUTE = 60_000;
const FLOOD = 2000;
const AT_ONCE = 100;
const OPERATOR = { authorization: "Bearer test-metrics-token" };

/** Makes the last bot-token answer (and its claim) older than the probe interval. */
async function staleProbe(): Promise<{ fingerprint: string; stale: number }> {
  const stale = Date.now() - MINUTE - 1;
  const fingerprint = await botTokenFingerprint(env.DISCORD_BOT_TOKEN);
  await writeHealthMark(env.DB, `bot_token:${fingerprint}`, stale, "ok");
  await writeHealthMark(env.DB, `bot_token_probe:${fingerprint}`, stale, "claimed");
  return { fingerprint, stale };
}

// Its own file: the isolate's cached answer starts empty here (each test file has its isolate).
describe("GET /health/details", () => {
  it(`a flood of ${FLOOD} just after the probe went stale makes one bot-token call, all 200`, async () => {
    await writeHealthMark(env.DB, CONSUMER_MARK, Date.now());
    const { fingerprint, stale } = await staleProbe();
    const since = await lastEmulatorSeq();
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < FLOOD; sent += AT_ONCE) {
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          const res = await exports.default.fetch("http://bot.test/health/details", {
            headers: OPERATOR,
          });
          await res.body?.cancel();
          return res.status;
        }),
      );
      for (const status of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: FLOOD });
    expect(await botTokenProbes(since)).toHaveLength(1);
    expect((await readHealthMark(env.DB, `bot_token:${fingerprint}`))?.at).toBeGreaterThan(stale);
  });

  it("without the isolate's cache (callers in many isolates), one conditional write picks one prober", async () => {
    await staleProbe();
    const since = await lastEmulatorSeq();
    const states = await Promise.all(
      Array.from({ length: 200 }, () => botTokenState(env, env.DB, env.DISCORD_BOT_TOKEN, MINUTE)),
    );
    // The losers read the last answer (stale "ok"); the winner's own answer is "ok" too.
    expect(new Set(states)).toEqual(new Set(["ok"]));
    expect(await botTokenProbes(since)).toHaveLength(1);
  });

  it("refuses anyone without the operator's token, with no body", async () => {
    for (const authorization of [undefined, "Bearer wrong", "test-metrics-token"]) {
      const res = await exports.default.fetch("http://bot.test/health/details", {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(await res.text()).toBe("");
    }
  });
});
