// Buttons under a result that is gone say how long results are kept, read from
// RESULT_RETENTION_DAYS (the same setting the cron deletes by), never a number written in a message.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { handleInteractionRequest } from "../../src/http/interactions-endpoint.ts";
import { registry } from "../../src/interactions/registry.ts";
import { interactionFrom, signedInteractionRequest } from "../helpers/workflow-harness.ts";

async function pressWith(customId: string, settings: Partial<Env>): Promise<string | undefined> {
  const body = interactionFrom({ userId: "501" }, 3, { custom_id: customId, component_type: 2 });
  const response = await handleInteractionRequest(
    await signedInteractionRequest(body),
    { ...env, ...settings },
    createExecutionContext(),
    registry,
  );
  const reply = (await response.json()) as { type: number; data?: { content?: string } };
  expect(reply.type).toBe(4);
  return reply.data?.content;
}

describe("the retention a refusal names", () => {
  it.each(["retry", "again"])(
    "%s on a result that is gone names RESULT_RETENTION_DAYS",
    async (prefix) => {
      const id = crypto.randomUUID();
      expect(
        await pressWith(`${prefix}:${id}`, { RESULT_RETENTION_DAYS: "7" } as Partial<Env>),
      ).toBe("⚠️ I can't find that result any more; results are kept for 7 days.");
      expect(
        await pressWith(`${prefix}:${id}`, { RESULT_RETENTION_DAYS: "1" } as Partial<Env>),
      ).toContain("kept for 1 day.");
      // Unset, the default of the setting: 30 days.
      expect(
        await pressWith(`${prefix}:${id}`, { RESULT_RETENTION_DAYS: undefined } as Partial<Env>),
      ).toContain("kept for 30 days.");
    },
  );
});
