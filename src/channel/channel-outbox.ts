import { DurableObject } from "cloudflare:workers";
import type { GatePriority } from "../discord/bot-gate-port.ts";

/** An outbox posts results and progress; bulk reads never pass through it. */
type OutboxPriority = Exclude<GatePriority, "bulk">;

import type { DiscordClient } from "../discord/client.ts";
import { createDiscordClient } from "../discord/create-client.ts";
import { MemoryRateLimitState } from "../discord/rate-limit-state.ts";
import { isWebhookGone } from "../discord/retries.ts";
import { botGateFor } from "../gate/gate-client.ts";
import { createLogger, type Logger } from "../log.ts";
import { sealerFor } from "../secrets/sealer.ts";
import { EditQueue } from "./edit-queue.ts";
import type { OutboxResult, OutboxSend, OutboxWebhookView, ProgressEdit } from "./outbox-types.ts";
import { PriorityLock } from "./priority-lock.ts";
import { outboxResultOf } from "./send-result.ts";
import { SentPosts } from "./sent-posts.ts";
import { WebhookOwner } from "./webhook-owner.ts";

/** Longest a call waits in this object for the channel's bucket before the caller retries. */
const MAX_BUCKET_WAIT_MS = 15_000;
/** One alarm drains edits for at most this long, then re-arms (bounded handlers). */
const DRAIN_BUDGET_MS = 20_000;

const META_SCHEMA = `CREATE TABLE IF NOT EXISTS meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  channel_id TEXT NOT NULL
)`;

/**
 * One per channel: everything the bot posts or edits in that channel goes out through here. It
 * owns the channel's webhook (created once, re-created after 10015, never two), keeps the
 * channel's rate-limit buckets, sends one call at a time (results first) and coalesces the
 * progress edits of all the channel's workflows into a fair, paced stream.
 */
export class ChannelOutbox extends DurableObject<Env> {
  private readonly webhook: WebhookOwner;
  private readonly edits: EditQueue;
  private readonly posts: SentPosts;
  private readonly lock = new PriorityLock();
  private readonly log: Logger = createLogger({ component: "channel_outbox" });
  // Bucket state lives in memory: its windows last seconds, while an idle object is evicted
  // only after its buckets have long refilled. One call at a time keeps it exact.
  private readonly buckets = new MemoryRateLimitState();
  /** Two clients on the same buckets: the gate serves results before progress edits. */
  private readonly clients: Record<OutboxPriority, DiscordClient> = {
    result: this.clientFor("result"),
    progress: this.clientFor("progress"),
  };

  private clientFor(gatePriority: OutboxPriority): DiscordClient {
    return createDiscordClient(this.env, {
      maxRetries: 0,
      maxWaitMs: MAX_BUCKET_WAIT_MS,
      gate: botGateFor(this.env, this.log),
      gatePriority,
      rateLimitState: this.buckets,
    });
  }

  /** Where earlier versions cached the channel's webhook, its token sealed (read once). */
  private legacyCache() {
    return { db: this.env.DB, sealer: sealerFor(this.env) };
  }

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(META_SCHEMA);
    this.webhook = new WebhookOwner(ctx.storage.sql);
    this.edits = new EditQueue(ctx.storage.sql);
    this.posts = new SentPosts(ctx.storage.sql);
  }

  /**
   * Sends now (after the calls ahead of it). `finalFor`: this is the workflow's result edited
   * into its handoff message, so no progress edit of that workflow may follow.
   */
  async send(channelId: string, request: OutboxSend, finalFor?: string): Promise<OutboxResult> {
    this.remember(channelId);
    if (finalFor) this.edits.finish(finalFor, Date.now());
    const send = () => this.lock.run("result", () => this.perform(channelId, request, "result"));
    if (request.kind === "webhook_post" || request.kind === "bot_post")
      return this.posts.once(request.key, send);
    return send();
  }

  /** Queues the latest progress of one workflow; the alarm sends it when its turn comes. */
  async queueEdit(channelId: string, edit: ProgressEdit): Promise<void> {
    this.remember(channelId);
    this.edits.put(edit, Date.now());
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
  }

  async view(): Promise<OutboxWebhookView> {
    return {
      webhookId: this.webhook.current()?.id ?? null,
      created: this.webhook.createdCount(),
      pendingEdits: this.edits.size(),
    };
  }

  override async alarm(): Promise<void> {
    const channelId = this.channelId();
    if (!channelId) return;
    const stopAt = Date.now() + DRAIN_BUDGET_MS;
    while (Date.now() < stopAt) {
      const next = this.edits.next();
      if (!next) return;
      const { edit, version } = next;
      const result = await this.lock.run(
        "progress",
        async (): Promise<OutboxResult | null> =>
          // A result may have gone out while this edit waited: never paint progress over it.
          this.edits.isCurrent(edit.workflowId, version)
            ? this.perform(channelId, editRequest(edit), "progress")
            : null,
      );
      if (result === null) continue;
      if (result.kind === "retry") {
        // Keep the edit in line and come back when the bucket or the gate allows.
        await this.ctx.storage.setAlarm(Date.now() + result.retryAfterMs);
        return;
      }
      if (result.kind !== "sent") this.log.info("outbox.edit_dropped", { reason: result.reason });
      this.edits.done(edit.workflowId, version, Date.now());
    }
    await this.ctx.storage.setAlarm(Date.now());
  }

  private async perform(
    channelId: string,
    request: OutboxSend,
    priority: OutboxPriority,
  ): Promise<OutboxResult> {
    try {
      return await this.call(channelId, request, this.clients[priority]);
    } catch (error) {
      return outboxResultOf(request, error);
    }
  }

  private async call(
    channelId: string,
    request: OutboxSend,
    discord: DiscordClient,
  ): Promise<OutboxResult> {
    switch (request.kind) {
      case "webhook_post": {
        const hook = await this.webhook.ensure(this.legacyCache(), discord, channelId);
        try {
          const message = await discord.executeWebhook(hook.id, hook.token, request.body);
          return { kind: "sent", messageId: message.id, webhookId: hook.id };
        } catch (error) {
          if (!isWebhookGone(error)) throw error;
          // Deleted under us: forget it and make one new webhook, once.
          this.log.warn("outbox.webhook_gone", { webhookId: hook.id });
          this.webhook.forget(hook.id);
          const fresh = await this.webhook.ensure(this.legacyCache(), discord, channelId);
          const message = await discord.executeWebhook(fresh.id, fresh.token, request.body);
          return { kind: "sent", messageId: message.id, webhookId: fresh.id };
        }
      }
      case "webhook_edit": {
        const hook = this.webhook.current();
        if (!hook || hook.id !== request.webhookId)
          return { kind: "impossible", reason: "the message's webhook is gone" };
        try {
          const message = await discord.editWebhookMessage(
            hook.id,
            hook.token,
            request.messageId,
            request.body,
          );
          return { kind: "sent", messageId: message.id, webhookId: hook.id };
        } catch (error) {
          if (isWebhookGone(error)) this.webhook.forget(hook.id);
          throw error;
        }
      }
      case "bot_post": {
        const message = await discord.createChannelMessage(channelId, {
          ...request.body,
          nonce: request.nonce,
          enforce_nonce: true,
        });
        return { kind: "sent", messageId: message.id };
      }
      case "bot_edit": {
        const message = await discord.editChannelMessage(
          channelId,
          request.messageId,
          request.body,
        );
        return { kind: "sent", messageId: message.id };
      }
    }
  }

  private remember(channelId: string): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO meta (id, channel_id) VALUES (1, ?) ON CONFLICT(id) DO NOTHING",
      channelId,
    );
  }

  private channelId(): string | null {
    const row = this.ctx.storage.sql.exec("SELECT channel_id FROM meta WHERE id = 1").toArray()[0];
    return row ? String(row.channel_id) : null;
  }
}

function editRequest(edit: ProgressEdit): OutboxSend {
  return edit.target.route === "webhook"
    ? { kind: "webhook_edit", ...edit.target, body: edit.body }
    : { kind: "bot_edit", messageId: edit.target.messageId, body: edit.body };
}
