import { describe, expect, it, vi } from "vitest";
import { planRoutes } from "../../src/delivery/route-plan.ts";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { emulator } from "../helpers/emulator.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const VIEW = 1 << 10;
const SEND = 1 << 11;
const MANAGE_WEBHOOKS = 1 << 29;
const GUILD_INSTALL = { "0": "1", "1": "2" };

const flow = defineTestWorkflow("planned_route_flow", [{ delayMs: 1500, progressSteps: 3 }]);

describe("routes chosen from what the interaction says", () => {
  it("reads app_permissions, context and authorizing_integration_owners", () => {
    const at = (fields: Record<string, unknown>) =>
      planRoutes({ channel_id: "1", authorizing_integration_owners: GUILD_INSTALL, ...fields });
    expect(at({ app_permissions: String(VIEW | SEND | MANAGE_WEBHOOKS), context: 0 })).toEqual({
      webhook: true,
      channel: true,
    });
    expect(at({ app_permissions: String(VIEW | SEND), context: 0 })).toEqual({
      webhook: false,
      channel: true,
    });
    expect(at({ app_permissions: String(VIEW), context: 0 })).toEqual({
      webhook: false,
      channel: false,
    });
    expect(at({ app_permissions: String(1 << 3), context: 0 })).toEqual({
      webhook: true,
      channel: true,
    }); // administrator
    expect(at({ app_permissions: String(VIEW | SEND), context: 1 })).toEqual({
      webhook: false,
      channel: true,
    }); // the bot's own DM
    expect(at({ app_permissions: String(VIEW | SEND), context: 2 })).toEqual({
      webhook: false,
      channel: false,
    }); // a DM between users
    expect(
      at({
        app_permissions: String(VIEW | SEND | MANAGE_WEBHOOKS),
        context: 0,
        authorizing_integration_owners: { "1": "2" },
      }),
    ).toEqual({ webhook: false, channel: false }); // user install: the bot is not in the guild
  });

  it.each([
    ["neither Send Messages nor Manage Webhooks", VIEW, true, "dm"],
    ["no Manage Webhooks", VIEW | SEND, false, "channel"],
    ["no Send Messages", VIEW | MANAGE_WEBHOOKS, false, "webhook"],
  ] as const)(
    "a channel with %s: the right warning at start, and no 403 from Discord",
    async (_name, permissions, warned, route) => {
      const started = await startViaDiscord(flow, {
        interaction: {
          app_permissions: String(permissions),
          context: 0,
          authorizing_integration_owners: GUILD_INSTALL,
        },
      });
      const warnings = async () =>
        (await emulator.requests(started.token)).filter(
          (r) =>
            r.method === "POST" && JSON.stringify(r.body).includes("I can't post in this channel"),
        );
      // The warning arrives while the token lives; then the token dies and the planned route serves.
      if (warned)
        await vi.waitFor(async () =>
          expect((await warnings()).map((r) => r.status)).toEqual([200]),
        );
      await emulator.expireToken(started.token);
      const done = await waitForWorkflow(
        started.workflowId,
        (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
      );
      expect(done.deliveryRoute).toBe(route);
      const sent = await warnings();
      expect(sent.length).toBe(warned ? 1 : 0);
      if (warned)
        expect((sent[0]?.body as { content?: string } | undefined)?.content).toContain(
          discordText("en-US")("engine.noRouteWarning"),
        );
      const denied = (await emulator.requests(started.channelId)).filter((r) => r.status === 403);
      expect(denied).toEqual([]);
      if (route !== "webhook")
        expect(await emulator.requests(`/channels/${started.channelId}/webhooks`)).toEqual([]);
    },
  );
});
