import { describe, expect, it } from "vitest";
import {
  InvocationPacer,
  MAX_INLINE_WAIT_MS,
  politeDelayMs,
} from "../../src/workflows/autointel/pacing.ts";

describe("pacing a crawl", () => {
  it("takes the larger of the configured delay and robots.txt's Crawl-delay, within a cap", () => {
    expect(politeDelayMs(1000, null)).toBe(1000);
    expect(politeDelayMs(1000, 0.25)).toBe(1000);
    expect(politeDelayMs(0, 0.25)).toBe(250);
    expect(politeDelayMs(1000, 3600)).toBe(30_000);
  });

  it("sleeps short pauses inline and yields long ones to the queue", () => {
    const pacer = new InvocationPacer(25_000, 10_000);
    expect(pacer.pace(-50)).toEqual({ kind: "go", waitMs: 0 });
    expect(pacer.pace(MAX_INLINE_WAIT_MS)).toEqual({ kind: "go", waitMs: MAX_INLINE_WAIT_MS });
    expect(pacer.pace(MAX_INLINE_WAIT_MS + 1)).toEqual({
      kind: "yield",
      afterMs: MAX_INLINE_WAIT_MS + 1,
    });
  });

  it("does not start a request that could outrun the invocation's budget, except the first", () => {
    // A 4 s budget: new requests only in its first half, and each must end 1 s before its end.
    const pacer = new InvocationPacer(4000, 1500);
    expect(pacer.pace(1600).kind).toBe("go"); // the first request always goes
    expect(pacer.pace(1600)).toEqual({ kind: "yield", afterMs: 1600 }); // 1.6 + 1.5 s > 3 s
    expect(pacer.pace(0).kind).toBe("go");
  });
});
