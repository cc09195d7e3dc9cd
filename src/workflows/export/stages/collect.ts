import type { APIMessage } from "discord-api-types/v10";
import type { CarriedRateLimits } from "../../../discord/rate-limit-state.ts";
import { textRef } from "../../../i18n/text-ref.ts";
import {
  continueLater,
  type JsonObject,
  type JsonValue,
  type StageContext,
  type StageDefinition,
  type StageYield,
} from "../../../workflow/definition.ts";
import { DiscordWait } from "../../../workflow/stage-discord.ts";
import { type MessageFilter, messageMatches, parseMessageFilter } from "../filter.ts";
import {
  type CollectedChunk,
  type CollectedExport,
  type CollectedSource,
  chunkName,
  halfwayThrough,
  type PreparedExport,
} from "../model.ts";
import { boundsOf, type ExportOptions, idBefore } from "../options.ts";

/** Discord's largest page. */
const PAGE = 100;
/**
 * Pages per chunk object: a chunk holds at most PAGES_PER_CHUNK × 100 messages in memory (about
 * 1 MB), and assemble reads one chunk at a time.
 */
export const PAGES_PER_CHUNK = 10;

/** Message types whose text is their point: when most of them are blank, content is withheld. */
const ORDINARY_TYPES: ReadonlySet<number> = new Set([0, 19]);

/** Where reading stands: recorded in every chunk written, and in the state yielded. */
interface ReadPosition extends JsonObject {
  source: number;
  /** Messages after this id are still to read (exclusive). */
  cursor: string;
  done: CollectedSource[];
  current: CollectedSource;
  fetched: number;
  blank: number;
  ordinary: number;
}

interface CollectState extends ReadPosition {
  /** The history route's bucket as the last invocation left it (null in states saved before). */
  rateLimits: CarriedRateLimits | null;
}

const EMPTY_SOURCE: CollectedSource = { chunks: 0, messages: 0, firstAt: null, lastAt: null };

function startCursor(options: ExportOptions): string {
  const bounds = boundsOf(options);
  return (bounds.ok && bounds.afterId) || "0";
}

function startPosition(options: ExportOptions): ReadPosition {
  const fresh = { done: [], current: EMPTY_SOURCE, fetched: 0, blank: 0, ordinary: 0 };
  return { source: 0, cursor: startCursor(options), ...fresh };
}

function positionOf({ rateLimits: _, ...position }: CollectState): ReadPosition {
  return structuredClone(position);
}

function isBlank(message: APIMessage): boolean {
  return (
    message.content === "" &&
    message.embeds.length === 0 &&
    message.attachments.length === 0 &&
    (message.sticker_items?.length ?? 0) === 0
  );
}

interface Reading {
  beforeId: string | null;
  filter: MessageFilter | null;
}

interface PageOutcome {
  kept: APIMessage[];
  /** The last message read (the next cursor), or null when the page was empty. */
  lastId: string | null;
  finished: boolean;
}

/** One page, oldest first, cut at `before`, counted (into `at`) and filtered. */
async function readPage(
  context: StageContext<ExportOptions>,
  channelId: string,
  at: ReadPosition,
  reading: Reading,
): Promise<PageOutcome> {
  const page = await context.discord.channelMessages(channelId, { after: at.cursor, limit: PAGE });
  const oldestFirst = [...page].sort((a, b) => (idBefore(a.id, b.id) ? -1 : 1));
  const { beforeId, filter } = reading;
  const inRange = beforeId ? oldestFirst.filter((m) => idBefore(m.id, beforeId)) : oldestFirst;
  at.fetched += inRange.length;
  for (const message of inRange) {
    if (!ORDINARY_TYPES.has(message.type)) continue;
    at.ordinary++;
    if (isBlank(message)) at.blank++;
  }
  return {
    kept: filter ? inRange.filter((m) => messageMatches(filter, m)) : inRange,
    lastId: oldestFirst.at(-1)?.id ?? null,
    finished: page.length < PAGE || inRange.length < oldestFirst.length,
  };
}

/**
 * Reads up to PAGES_PER_CHUNK pages of the current source from `from` and writes what it kept as
 * the source's next chunk, recording the position after it. Returns that position, and how long
 * Discord asked to wait when it cut the chunk short (0 otherwise). It also stops early once
 * `until` has passed: on a loaded machine ten pages can take longer than the budget has left.
 */
async function readChunk(
  context: StageContext<ExportOptions>,
  prepared: PreparedExport,
  from: ReadPosition,
  reading: Reading,
  until: number,
): Promise<{ after: ReadPosition; waitMs: number }> {
  const source = prepared.sources[from.source] as PreparedExport["sources"][number];
  const at = structuredClone(from);
  const kept: APIMessage[] = [];
  let finished = false;
  let waitMs = 0;
  const morePages = (page: number) =>
    page < PAGES_PER_CHUNK && !finished && (page === 0 || Date.now() <= until);
  for (let page = 0; morePages(page); page++) {
    try {
      const outcome = await readPage(context, source.id, at, reading);
      kept.push(...outcome.kept);
      if (outcome.lastId) at.cursor = outcome.lastId;
      finished = outcome.finished;
    } catch (error) {
      if (!(error instanceof DiscordWait)) throw error;
      waitMs = error.waitMs;
      break;
    }
  }
  const name = chunkName(at.source, at.current.chunks);
  if (kept.length > 0) {
    at.current = {
      chunks: at.current.chunks + 1,
      messages: at.current.messages + kept.length,
      firstAt: at.current.firstAt ?? (kept[0] as APIMessage).timestamp,
      lastAt: (kept.at(-1) as APIMessage).timestamp,
    };
  }
  if (finished) {
    at.done.push(at.current);
    at.source++;
    at.current = EMPTY_SOURCE;
    at.cursor = startCursor(context.options);
  }
  if (kept.length > 0) {
    const chunk: CollectedChunk = {
      from: { source: from.source, cursor: from.cursor },
      after: at,
      messages: kept,
    };
    await context.files.put(name, JSON.stringify(chunk));
  }
  return { after: at, waitMs };
}

/**
 * After a crash, the run resumes from the state last yielded, but chunks written after it may
 * exist: each one that begins exactly where reading stands is taken over (its `after` becomes
 * the position), so only the pages after the last chunk written are read again.
 */
async function takeOverWrittenChunks(
  context: StageContext<ExportOptions>,
  position: ReadPosition,
): Promise<ReadPosition> {
  let at = position;
  for (;;) {
    const text = await context.files.text(chunkName(at.source, at.current.chunks));
    if (text === null) return at;
    const chunk = JSON.parse(text) as CollectedChunk | APIMessage[];
    if (Array.isArray(chunk)) return at;
    if (chunk.from.source !== at.source || chunk.from.cursor !== at.cursor) return at;
    context.log.info("export.chunk_taken_over", { source: at.source, chunk: at.current.chunks });
    at = chunk.after as ReadPosition;
  }
}

async function reportProgress(
  context: StageContext<ExportOptions>,
  at: ReadPosition,
  sources: number,
): Promise<void> {
  const total = at.done.reduce((sum, s) => sum + s.messages, 0) + at.current.messages;
  await context.progress(
    textRef("exporting.progress.reading", { kept: total, read: at.fetched }),
    at.source / Math.max(1, sources),
  );
}

/**
 * Pages through each source oldest to newest with `after`, writing a chunk per PAGES_PER_CHUNK
 * pages, until half its budget is spent; then it yields its position (and the bucket, so the
 * next invocation's first read waits for it instead of drawing a 429). Chunks are named by
 * index from the position, so a run resumed from an earlier state writes the same names again
 * in order: nothing is lost or repeated.
 */
async function collect(
  context: StageContext<ExportOptions>,
  saved: CollectState | undefined,
): Promise<JsonValue | StageYield> {
  const prepared = context.outputs.prepare as PreparedExport;
  context.discord.carryRateLimits(saved?.rateLimits);
  const bounds = boundsOf(context.options);
  const parsed = context.options.filter ? parseMessageFilter(context.options.filter) : null;
  const reading: Reading = {
    beforeId: bounds.ok ? bounds.beforeId : null,
    filter: parsed?.ok ? parsed.filter : null,
  };
  const halfway = halfwayThrough(context.budgetEndsAt);
  let at = await takeOverWrittenChunks(
    context,
    saved ? positionOf(saved) : startPosition(context.options),
  );
  while (at.source < prepared.sources.length) {
    const chunk = await readChunk(context, prepared, at, reading, halfway);
    at = chunk.after;
    await reportProgress(context, at, prepared.sources.length);
    if (at.source >= prepared.sources.length) break;
    if (chunk.waitMs > 0 || Date.now() > halfway || context.signal.aborted) {
      const state: CollectState = { ...at, rateLimits: context.discord.rateLimits() };
      return continueLater(state, chunk.waitMs);
    }
  }
  const output: CollectedExport = {
    sources: at.done,
    fetched: at.fetched,
    blank: at.blank,
    ordinary: at.ordinary,
  };
  return output;
}

export const collectStage: StageDefinition<ExportOptions> = {
  name: "collect",
  label: textRef("exporting.stage.collect"),
  bulk: true,
  run: (context, state) => collect(context, state as CollectState | undefined),
};
