// Polls the emulated Discord for what the user would see: the command's channel and the user's
// DMs. Reports each new message and each edit once.
import type { EmulatedMessage, EmulatorClient } from "../emulator-client.ts";

export type ChannelEvent = { kind: "new" | "edit" | "gone"; message: EmulatedMessage };

export class ChannelWatch {
  private readonly client: EmulatorClient;
  private readonly channelId: string;
  private readonly userId: string;
  readonly dmChannels = new Set<string>();
  /** Message id → how many edits we have shown. */
  private readonly seen = new Map<string, { edits: number; message: EmulatedMessage }>();
  private requestSeq = 0;

  constructor(client: EmulatorClient, channelId: string, userId: string) {
    this.client = client;
    this.channelId = channelId;
    this.userId = userId;
  }

  /** Remembers what is already there, so only what follows is reported. */
  async baseline(): Promise<void> {
    // Earlier runs may have opened the DM already: the bot re-opens it, Discord returns the same.
    await this.findDmChannels();
    for (const message of await this.visibleMessages())
      this.seen.set(message.id, { edits: message.edits, message });
  }

  messages(): EmulatedMessage[] {
    return [...this.seen.values()].map((entry) => entry.message);
  }

  async poll(): Promise<ChannelEvent[]> {
    await this.findDmChannels();
    const events: ChannelEvent[] = [];
    const present = new Set<string>();
    const visible = await this.visibleMessages();
    // In the order things happened: an edit of an old message may come after a new one.
    const changedAt = (m: EmulatedMessage) => Date.parse(m.edited_timestamp ?? m.timestamp);
    visible.sort((a, b) => changedAt(a) - changedAt(b));
    for (const message of visible) {
      present.add(message.id);
      const known = this.seen.get(message.id);
      if (!known) events.push({ kind: "new", message });
      else if (message.edits > known.edits) events.push({ kind: "edit", message });
      this.seen.set(message.id, { edits: message.edits, message });
    }
    for (const [id, entry] of this.seen) {
      if (present.has(id)) continue;
      this.seen.delete(id);
      events.push({ kind: "gone", message: entry.message });
    }
    return events;
  }

  private async visibleMessages(): Promise<EmulatedMessage[]> {
    const channels = [this.channelId, ...this.dmChannels];
    const lists = await Promise.all(
      channels.map((channelId) => this.client.messages({ channelId })),
    );
    return lists.flat();
  }

  /** DM channels the bot opened with our user since we started looking. */
  private async findDmChannels(): Promise<void> {
    const opened = await this.client.requests("/users/@me/channels", this.requestSeq);
    for (const request of opened) {
      this.requestSeq = Math.max(this.requestSeq, request.seq);
      const body = request.body as { recipient_id?: string } | null;
      const response = request.response as { id?: string } | null;
      if (body?.recipient_id === this.userId && request.status === 200 && response?.id)
        this.dmChannels.add(response.id);
    }
  }
}
