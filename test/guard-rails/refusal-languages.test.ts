import { describe, expect, it } from "vitest";
import { DiscordErrorCode, MissingPermissionError } from "../../src/discord/errors.ts";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { routes } from "../../src/discord/routes.ts";
import { budgetRefusal } from "../../src/queue/quota-refusal.ts";
import { accessDeniedOf } from "../../src/queue/stage-discord-client.ts";
import type { RunningWorkflow } from "../../src/results/quotas.ts";
import { DiscordAccessDenied } from "../../src/workflow/stage-discord.ts";

const running: RunningWorkflow[] = [
  {
    workflow_id: "0f8e2c1a-5b7d-4e3f-9a6c-2d1b0e9f8a7c",
    command: "site_audit",
    input: "https://private.example/secret",
    started_at: 1_700_000_000_000,
  },
];
const REFILL = 1_700_003_600_000;

describe("a refused start, in the user's language", () => {
  it("lists what runs, in German, with its ids as code and its times as Discord timestamps", () => {
    const text = budgetRefusal(discordText("de"), null, running);
    expect(text).toContain("Bei dir laufen bereits 1 Workflow, so viele wie erlaubt");
    expect(text).toContain(
      "• `0f8e2c1a-5b7d-4e3f-9a6c-2d1b0e9f8a7c` site_audit · gestartet <t:1700000000:R>",
    );
    expect(text).not.toContain("private.example");
  });

  it("names the spent budget and when it refills, in Japanese, numbers in the locale's form", () => {
    const spent = {
      budget: "daily_requests",
      scope: "guild",
      limit: 20_000,
      refillsAt: REFILL,
      left: 1_500,
      needed: 4_000,
    } as const;
    const text = budgetRefusal(discordText("ja"), spent, running);
    expect(text).toContain("最大4,000件");
    expect(text).toContain("このサーバーの1日の予算20,000件のうち残りは1,500件");
    expect(text).toContain("<t:1700003600:R>に十分な量が回復します");
    expect(budgetRefusal(discordText("de"), spent, running)).toContain("bis zu 4.000 Anfragen");
  });

  it("says a run that can never fit, and a used-up day with no refill time, in French", () => {
    const t = discordText("fr");
    const never = {
      budget: "daily_requests",
      scope: "user",
      limit: 100,
      left: 0,
      needed: 250,
    } as const;
    expect(budgetRefusal(t, { ...never, refillsAt: null } as const, running)).toContain(
      "plus que votre budget quotidien total de 100",
    );
    const runs = { budget: "daily_runs", scope: "guild", limit: 5, left: 0, needed: 1 } as const;
    expect(budgetRefusal(t, { ...runs, refillsAt: null }, running)).toContain(
      "Le budget de ce serveur de 5 exécutions par jour est épuisé",
    );
  });
});

describe("a stage's missing access, in the workflow's language", () => {
  it("names Discord's permission as the locale's client names it", () => {
    const denied = new MissingPermissionError({
      status: 403,
      code: DiscordErrorCode.MissingPermissions,
      method: "GET",
      route: "/channels/:channel_id/messages",
      discordMessage: "Missing Permissions",
    });
    const history = accessDeniedOf(denied, routes.channelHistory("123", {}), "de");
    expect(history).toBeInstanceOf(DiscordAccessDenied);
    expect((history as DiscordAccessDenied).missing).toBe("read_message_history");
    expect((history as Error).message).toContain("„Nachrichtenverlauf anzeigen“");
    const view = accessDeniedOf(denied, routes.channel("123"), "pt-BR");
    expect((view as Error).message).toContain("a permissão “Ver canal”");
    expect((accessDeniedOf(denied, routes.channel("123"), "en-US") as Error).message).toContain(
      "View Channel permission",
    );
  });
});
