// Fills a channel with seeded history (and threads): ids that grow with their timestamps, spread
// over the span, indexed at once; the messages themselves are generated on read.
import type { SeedHistoryRequest, SeedHistoryResponse } from "../contract-types.ts";
import type { ChannelRecord, EmulatorState } from "../state.ts";
import { THREAD_NAMES } from "./corpus.ts";
import { randomFor } from "./prng.ts";
import { discordTimestamp, type SeededHistory } from "./seeded-history.ts";

const DISCORD_EPOCH_MS = 1_420_070_400_000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_SEEDED_MESSAGES = 1_000_000;
export const MAX_SEEDED_THREADS = 200;
const CHANNEL_TYPES = [0, 5, 11, 15];
const THREAD_TYPE = 11;

export type SeedOptions = {
  count: number;
  seed: number;
  guildId: string | null;
  channelType: number;
  threads: number;
  spanMs: number;
  endAt: number;
  name: string | null;
  topic: string | null;
};

/** The options with defaults, or what is wrong with them. */
export function seedOptions(
  request: Partial<SeedHistoryRequest>,
  now: number,
): SeedOptions | string {
  const { count, seed = 1, threads = 0, spanMs = 30 * DAY_MS, channelType = 0 } = request;
  const endAt =
    typeof request.endAt === "string" ? Date.parse(request.endAt) : (request.endAt ?? now);
  if (!isInt(count) || count < 0 || count > MAX_SEEDED_MESSAGES)
    return `count must be an integer from 0 to ${MAX_SEEDED_MESSAGES}`;
  if (!isInt(seed)) return "seed must be an integer";
  if (!isInt(threads) || threads < 0 || threads > MAX_SEEDED_THREADS)
    return `threads must be an integer from 0 to ${MAX_SEEDED_THREADS}`;
  if (!CHANNEL_TYPES.includes(channelType)) return `channelType must be one of ${CHANNEL_TYPES}`;
  if (typeof spanMs !== "number" || !(spanMs >= 1) || spanMs > 20 * 365 * DAY_MS)
    return "spanMs must be a positive number of milliseconds (at most 20 years)";
  if (!Number.isFinite(endAt) || endAt - spanMs < DISCORD_EPOCH_MS)
    return "endAt must be a time (epoch ms or ISO 8601) at least spanMs after 2015-01-01";
  if (request.guildId !== undefined && !/^\d{1,20}$/.test(request.guildId))
    return "guildId must be a snowflake";
  return {
    count,
    seed,
    guildId: request.guildId ?? null,
    channelType,
    threads,
    spanMs,
    endAt,
    name: typeof request.name === "string" ? request.name : null,
    topic: typeof request.topic === "string" ? request.topic : null,
  };
}

export function seedChannelHistory(
  state: EmulatorState,
  channelId: string,
  options: SeedOptions,
): SeedHistoryResponse {
  const guildId = options.guildId ?? state.guildOf(channelId);
  const start = options.endAt - options.spanMs;
  const known = state.channels.get(channelId);
  state.channels.set(channelId, {
    id: channelId,
    type: options.channelType,
    name: options.name ?? known?.name ?? `channel-${channelId}`,
    guildId,
    parentId: known?.parentId ?? null,
    topic: options.topic ?? known?.topic ?? null,
    thread: options.channelType === THREAD_TYPE ? threadInfo(start, options.endAt, false) : null,
  });
  if (!state.guilds.has(guildId)) {
    const icon = options.seed % 2 === 0 ? null : "b2c3d4e5f60718293a4b5c6d7e8f90a1";
    state.guilds.set(guildId, { id: guildId, name: `Guild ${guildId}`, icon });
  }
  const history = addHistory(
    state,
    { channelId, guildId, seed: options.seed, stream: 0 },
    {
      count: options.count,
      from: start,
      to: options.endAt,
    },
  );
  const threadIds: string[] = [];
  const archivedThreadIds: string[] = [];
  const threadMessageCounts: Record<string, number> = {};
  for (let t = 0; t < options.threads; t++) {
    const random = randomFor(options.seed, t, -1);
    const createdAt = start + Math.floor(((t + 1) * options.spanMs) / (options.threads + 2));
    const lastAt = Math.min(options.endAt, createdAt + DAY_MS);
    const archived = t % 2 === 1;
    const threadId = seedIdSource(state)(createdAt);
    const thread: ChannelRecord = {
      id: threadId,
      type: THREAD_TYPE,
      name: `${THREAD_NAMES[t % THREAD_NAMES.length]} ${t + 1}`,
      guildId,
      parentId: channelId,
      topic: null,
      thread: threadInfo(createdAt, lastAt + 60 * 60 * 1000, archived),
    };
    state.channels.set(threadId, thread);
    const count = 2 + random.int(7);
    const seeded = { channelId: threadId, guildId, seed: options.seed, stream: t + 1 };
    addHistory(state, seeded, { count, from: createdAt + 1, to: lastAt });
    threadIds.push(threadId);
    threadMessageCounts[threadId] = count;
    if (archived) archivedThreadIds.push(threadId);
  }
  return {
    channelId,
    guildId,
    count: options.count,
    oldestId: history.ids[0] ?? null,
    newestId: history.ids.at(-1) ?? null,
    threadIds,
    threadMessageCounts,
    archivedThreadIds,
  };
}

type Span = { count: number; from: number; to: number };

function addHistory(
  state: EmulatorState,
  seeded: Omit<SeededHistory, "ids" | "bot">,
  span: Span,
): SeededHistory {
  const nextId = seedIdSource(state);
  const { botUser } = state;
  const bot = {
    id: botUser.id,
    username: botUser.username,
    global_name: null,
    avatar: null,
    bot: true,
  };
  const history: SeededHistory = { ...seeded, ids: [], bot };
  const width = span.to - span.from;
  for (let i = 0; i < span.count; i++) {
    const ms = span.to - width + Math.floor(((i + 1) * width) / span.count);
    const id = nextId(ms);
    history.ids.push(id);
    state.seeded.set(id, { history, index: i });
  }
  state.history.addSorted(seeded.channelId, history.ids);
  return history;
}

/**
 * Ids at given times, strictly increasing within one source, never taken. Bit 21 set keeps them apart from the
 * ids the emulator hands out as messages are posted (those count up from bit 0).
 */
function seedIdSource(state: EmulatorState): (ms: number) => string {
  let last = 0n;
  return (ms) => {
    const base = (BigInt(ms - DISCORD_EPOCH_MS) << 22n) | (1n << 21n);
    let candidate = base > last ? base : last + 1n;
    while (!state.isFreeId(candidate.toString())) candidate++;
    last = candidate;
    return candidate.toString();
  };
}

function threadInfo(createdAt: number, archiveAt: number, archived: boolean) {
  return {
    ownerId: "300000000000000001",
    archived,
    locked: false,
    autoArchiveDuration: 1440,
    archiveTimestamp: discordTimestamp(archived ? archiveAt : createdAt),
    createTimestamp: discordTimestamp(createdAt),
  };
}

function isInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}
