// Runs /export the way Discord sends it: a channel option with its resolved channel (carrying
// the member's permissions there), app_permissions and attachment_size_limit.
import { env } from "cloudflare:workers";
import type { APIMessage } from "discord-api-types/v10";
import { expect } from "vitest";
import { workflowIdFor } from "../../../src/queue/start.ts";
import { resultFileKey } from "../../../src/results/result-store.ts";
import type { WorkflowSnapshot } from "../../../src/tracker/rpc.ts";
import { emulator, freshId } from "../../helpers/emulator.ts";
import {
  interactionFrom,
  sendInteraction,
  TEST_TOKEN_TTL_MS,
  waitForWorkflow,
} from "../../helpers/workflow-harness.ts";

export const VIEW = 1n << 10n;
export const READ_HISTORY = 1n << 16n;
export const SEND = 1n << 11n;
export const MANAGE_WEBHOOKS = 1n << 29n;
export const ATTACH = 1n << 15n;
export const MEMBER_READS = String(VIEW | READ_HISTORY);
export const BOT_ALL = String(VIEW | READ_HISTORY | SEND | MANAGE_WEBHOOKS | ATTACH);

export interface ExportRun {
  workflowId: string;
  token: string;
  userId: string;
  guildId: string;
  channelId: string;
  reply: { type: number; data?: { content?: string; flags?: number } };
}

export interface ExportCommand {
  /** The channel exported; a channel option with a resolved entry when it is not `here`. */
  target: string;
  here?: string;
  guildId: string;
  userId?: string;
  /** The member's permissions in the target (resolved), and where the command ran. */
  memberPermissions?: string;
  options?: Record<string, string | number | boolean>;
  attachmentSizeLimit?: number;
  ttlMs?: number;
}

const TYPES: Record<string, number> = {
  format: 3,
  after: 3,
  before: 3,
  filter: 3,
  threads: 5,
  partition: 4,
};

export async function runExport(command: ExportCommand): Promise<ExportRun> {
  const userId = command.userId ?? freshId();
  const here = command.here ?? command.target;
  const issued = await emulator.createInteractionToken({
    ttlMs: command.ttlMs ?? TEST_TOKEN_TTL_MS,
    channelId: here,
    guildId: command.guildId,
    userId,
    ...(command.attachmentSizeLimit ? { attachmentSizeLimit: command.attachmentSizeLimit } : {}),
  });
  const permissions = command.memberPermissions ?? MEMBER_READS;
  const options = [
    { name: "channel", type: 7, value: command.target },
    ...Object.entries(command.options ?? {}).map(([name, value]) => ({
      name,
      type: TYPES[name] ?? 3,
      value,
    })),
  ];
  const data = {
    id: freshId(),
    name: "export",
    type: 1,
    options,
    resolved: {
      channels: {
        [command.target]: { id: command.target, type: 0, name: "general", permissions },
      },
    },
  };
  const body = {
    ...interactionFrom({ userId, permissions }, 2, data, {
      id: issued.interactionId,
      token: issued.token,
      guildId: command.guildId,
      channelId: here,
    }),
    app_permissions: BOT_ALL,
    ...(command.attachmentSizeLimit ? { attachment_size_limit: command.attachmentSizeLimit } : {}),
  };
  const response = await sendInteraction(body);
  return {
    workflowId: await workflowIdFor(emulator.applicationId, issued.interactionId),
    token: issued.token,
    userId,
    guildId: command.guildId,
    channelId: here,
    reply: (await response.json()) as ExportRun["reply"],
  };
}

export function finished(run: ExportRun, timeout = 60_000): Promise<WorkflowSnapshot> {
  return waitForWorkflow(
    run.workflowId,
    (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
    timeout,
  );
}

/** The export's files as stored in R2, by name. */
export async function exportFiles(workflowId: string): Promise<Map<string, string>> {
  const prefix = resultFileKey(workflowId, "");
  const listing = await env.RESULTS.list({ prefix });
  const files = new Map<string, string>();
  for (const object of listing.objects) {
    const body = await env.RESULTS.get(object.key);
    files.set(object.key.slice(prefix.length), (await body?.text()) ?? "");
  }
  return files;
}

/** The seeded channel's messages oldest first, as Discord stores them: the truth. */
export async function truthOf(channelId: string): Promise<APIMessage[]> {
  const { messages, total } = await emulator.history(channelId, { limit: 10_000 });
  expect(messages).toHaveLength(total);
  return messages;
}

/** A fresh seeded channel in a fresh guild. */
export async function seededChannel(
  count: number,
  extra: { seed?: number; threads?: number; name?: string } = {},
) {
  const channelId = freshId();
  const guildId = freshId();
  const seeded = await emulator.seedHistory(channelId, {
    count,
    guildId,
    name: "general",
    ...extra,
  });
  return { channelId, guildId, seeded };
}
