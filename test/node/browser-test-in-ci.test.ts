// The browser test (test/browser) run as CI runs it, with no Chromium at the configured path:
// with CI=true it must fail, saying why; on a developer's machine it is skipped, saying why.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const VITEST = resolve("node_modules/.bin/vitest");

async function browserTestWithoutChromium(ci: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  delete env.VITEST;
  try {
    const { stdout, stderr } = await run(
      VITEST,
      ["run", "--project", "browser", "--reporter=verbose", "test/browser/live-view.test.ts"],
      { env, timeout: 90_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("the browser test without Chromium", () => {
  it("fails in CI (CI=true), naming the missing browser", async () => {
    const result = await browserTestWithoutChromium("true");
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("/nonexistent/chromium is not installed");
    expect(result.output).toMatch(/1 failed/);
  });

  it("is skipped, saying why, outside CI", async () => {
    const result = await browserTestWithoutChromium(undefined);
    expect(result.code).toBe(0);
    expect(result.output).toContain("/nonexistent/chromium is not installed");
    expect(result.output).toMatch(/1 skipped/);
  });
});
