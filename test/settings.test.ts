import { describe, expect, it } from "vitest";
import { engineConfig } from "../src/config.ts";
import { discordOptionsFromEnv } from "../src/discord/create-client.ts";
import { quotaLimits } from "../src/results/quotas.ts";
import { retentionSettings } from "../src/results/retention-settings.ts";
import { readNumberListSetting, readNumberSetting, SettingError } from "../src/settings.ts";

describe("numeric settings: one reader, one policy", () => {
  it("unset or empty gives the default; a valid value is read", () => {
    expect(readNumberSetting({}, "X", 7)).toBe(7);
    expect(readNumberSetting({ X: " " }, "X", 7)).toBe(7);
    expect(readNumberSetting({ X: "2.5" }, "X", 7)).toBe(2.5);
    expect(readNumberListSetting({ X: "3, 1.5" }, "X", [1])).toEqual([3, 1.5]);
  });

  it("anything else is refused loudly, naming the setting", () => {
    expect(() => readNumberSetting({ X: "ten" }, "X", 7)).toThrow(/Setting X must be a number/);
    expect(() => readNumberSetting({ X: "-1" }, "X", 7)).toThrow(SettingError);
    expect(() => readNumberSetting({ X: "1.5" }, "X", 7, { integer: true })).toThrow(/integer/);
    expect(() => readNumberListSetting({ X: "3,x" }, "X", [1])).toThrow(SettingError);
  });

  it("every reader of numeric settings follows it", () => {
    const env = (vars: Record<string, string>) => vars as unknown as Env;
    expect(() => engineConfig(env({ STAGE_LEASE_MS: "soon" }))).toThrow(/STAGE_LEASE_MS/);
    expect(() => quotaLimits(env({ MAX_RUNNING_PER_USER: "0" }))).toThrow(/MAX_RUNNING_PER_USER/);
    expect(() => retentionSettings(env({ RESULT_RETENTION_DAYS: "-3" }))).toThrow(
      /RESULT_RETENTION_DAYS/,
    );
    expect(() => discordOptionsFromEnv({ DISCORD_MAX_RETRIES: "many" })).toThrow(
      /DISCORD_MAX_RETRIES/,
    );
    expect(quotaLimits(env({}))).toEqual({ perUser: 2, perGuild: 10 });
  });
});
