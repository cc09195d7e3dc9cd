import { describe, expect, it } from "vitest";
import { autointel, siteOrigin } from "../autointel/support/analysis-harness.ts";
import { commandData, interactionFrom, sendInteraction } from "../helpers/workflow-harness.ts";

const VIEW_AND_SEND = String((1 << 10) | (1 << 11));

function autointelIn(appPermissions: string) {
  const body = interactionFrom(
    { userId: "7" },
    2,
    commandData("autointel", { url: `${siteOrigin()}/about`, depth: "quick" }),
  );
  return sendInteraction({ ...body, app_permissions: appPermissions }, [autointel]);
}

describe("a server that cannot receive long results", () => {
  it("is told up front, with the install URL, instead of an orphaned run", async () => {
    // Installed with applications.commands only: the bot holds no permission in the channel.
    const reply = (await (await autointelIn("0")).json()) as {
      type: number;
      data: { content: string; flags: number };
    };
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
    expect(reply.data.content).toContain("Nothing was started");
    expect(reply.data.content).toContain("scope=bot+applications.commands");
    expect(reply.data.content).toContain("permissions=536923136");
  });

  it("starts as usual where the bot can post", async () => {
    const reply = (await (await autointelIn(VIEW_AND_SEND)).json()) as { type: number };
    expect(reply.type).toBe(5);
  });

  it("starts as usual where the bot holds Administrator, which grants every permission", async () => {
    const reply = (await (await autointelIn(String(1 << 3))).json()) as { type: number };
    expect(reply.type).toBe(5);
  });
});
