// Follows the emulator's request log while the soak runs (it keeps only the newest entries),
// keeping what the checks need of each Discord request.
import { emulator, type RecordedRequest } from "../helpers/emulator.ts";

export interface SeenRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  status: number;
  code: number | null;
  recipientId: string | null;
  responseId: string | null;
}

function slim(request: RecordedRequest): SeenRequest {
  const response = request.response as { code?: number; id?: string } | null;
  const body = request.body as { recipient_id?: string } | null;
  return {
    seq: request.seq,
    at: request.at,
    method: request.method,
    path: request.path,
    status: request.status,
    code: typeof response?.code === "number" ? response.code : null,
    recipientId: typeof body?.recipient_id === "string" ? body.recipient_id : null,
    responseId: typeof response?.id === "string" ? response.id : null,
  };
}

export class RequestWatch {
  readonly seen: SeenRequest[] = [];
  private readonly webhooks = new Map<string, string>();
  private lastSeq = 0;

  async start(): Promise<void> {
    this.lastSeq = (await emulator.stats()).requests;
  }

  async poll(): Promise<void> {
    const fresh = await emulator.requests(undefined, this.lastSeq);
    for (const request of fresh) {
      this.lastSeq = Math.max(this.lastSeq, request.seq);
      const seen = slim(request);
      this.seen.push(seen);
      const made = /^\/channels\/(\d+)\/webhooks$/.exec(seen.path);
      if (made?.[1] && seen.method === "POST" && seen.responseId && !this.webhooks.has(made[1]))
        this.webhooks.set(made[1], seen.responseId);
    }
  }

  /** The channel webhook the bot created in this channel, if any yet. */
  webhookOf(channelId: string): string | null {
    return this.webhooks.get(channelId) ?? null;
  }

  onToken(token: string): SeenRequest[] {
    return this.seen.filter((r) => r.path.includes(token));
  }
}
