// Every Discord API request the emulator answered, for tests to inspect.
import type { EmulatorStats, RecordedRequest } from "./contract-types.ts";

const MAX_ENTRIES = 20_000;
/** `since` values this large are epoch milliseconds rather than sequence numbers. */
const EPOCH_MS_THRESHOLD = 1e12;

export class RequestLog {
  private readonly entries: RecordedRequest[] = [];
  private seq = 0;
  private total = 0;
  private invalid = 0;

  /** `rateLimitScope` is the answer's X-RateLimit-Scope (a "shared" 429 is not invalid). */
  record(
    entry: Omit<RecordedRequest, "seq" | "invalid">,
    rateLimitScope: string | undefined,
  ): RecordedRequest {
    const { status } = entry;
    // Discord's "invalid requests": 401, 403 and 429 except scope "shared".
    const invalid =
      status === 401 || status === 403 || (status === 429 && rateLimitScope !== "shared");
    const recorded: RecordedRequest = { seq: ++this.seq, ...entry, invalid };
    this.entries.push(recorded);
    this.total++;
    if (invalid) this.invalid++;
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return recorded;
  }

  /** `since` is a sequence number (exclusive) or, when ≥ 1e12, an epoch-ms time (inclusive). */
  query(match?: string, since?: number): RecordedRequest[] {
    return this.entries.filter(
      (entry) =>
        (!match || entry.path.includes(match)) &&
        (since === undefined ||
          (since >= EPOCH_MS_THRESHOLD ? entry.at >= since : entry.seq > since)),
    );
  }

  stats(): EmulatorStats {
    return { invalidRequests: this.invalid, requests: this.total };
  }
}
