import type { APIMessage } from "discord-api-types/v10";
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
 * Pages per invocation: each invocation ends by writing its messages as one chunk object, so a
 * chunk holds at most PAGES_PER_CHUNK × 100 messages in memory, and the state only a cursor.
 */
export const PAGES_PER_CHUNK = 10;

/** Message types whose text is their point: when most of them are blank, content is withheld. */
const ORDINARY_TYPES: ReadonlySet<number> = new Set([0, 19]);

interface CollectState extends JsonObject {
  source: number;
  /** Messages after this id are still to read (exclusive). */
  cursor: string;
  done: CollectedSource[];
  current: CollectedSource;
  fetched: number;
  blank: number;
  ordinary: number;
}

const EMPTY_SOURCE: CollectedSource = { chunks: 0, messages: 0, firstAt: null, lastAt: null };

function startState(options: ExportOptions): CollectState {
  const bounds = boundsOf(options);
  return {
    source: 0,
    cursor: (bounds.ok && bounds.afterId) || "0",
    done: [],
    current: EMPTY_SOURCE,
    fetched: 0,
    blank: 0,
    ordinary: 0,
  };
}

function isBlank(message: APIMessage): boolean {
  return (
    message.content === "" &&
    message.embeds.length === 0 &&
    message.attachments.length === 0 &&
    (message.sticker_items?.length ?? 0) === 0
  );
}

interface PageOutcome {
  kept: APIMessage[];
  /** The last message read (the next cursor), or null when the page was empty. */
  lastId: string | null;
  finished: boolean;
}

/** One page, oldest first, cut at `before`, counted and filtered. */
async function readPage(
  context: StageContext<ExportOptions>,
  channelId: string,
  state: CollectState,
  beforeId: string | null,
  filter: MessageFilter | null,
): Promise<PageOutcome> {
  const page = await context.discord.channelMessages(channelId, {
    after: state.cursor,
    limit: PAGE,
  });
  const oldestFirst = [...page].sort((a, b) => (idBefore(a.id, b.id) ? -1 : 1));
  const inRange = beforeId ? oldestFirst.filter((m) => idBefore(m.id, beforeId)) : oldestFirst;
  state.fetched += inRange.length;
  for (const message of inRange) {
    if (!ORDINARY_TYPES.has(message.type)) continue;
    state.ordinary++;
    if (isBlank(message)) state.blank++;
  }
  return {
    kept: filter ? inRange.filter((m) => messageMatches(filter, m)) : inRange,
    lastId: oldestFirst.at(-1)?.id ?? null,
    finished: page.length < PAGE || inRange.length < oldestFirst.length,
  };
}

/**
 * Pages through each source oldest to newest with `after`, then writes what it kept as one
 * chunk and yields. A run resumed from an earlier state (a crash, a deploy) reads the same
 * pages again and writes the same chunk under the same name: nothing is lost or repeated.
 */
async function collect(
  context: StageContext<ExportOptions>,
  saved: CollectState | undefined,
): Promise<JsonValue | StageYield> {
  const prepared = context.outputs.prepare as PreparedExport;
  const state = saved ?? startState(context.options);
  const bounds = boundsOf(context.options);
  const beforeId = bounds.ok ? bounds.beforeId : null;
  const parsed = context.options.filter ? parseMessageFilter(context.options.filter) : null;
  const filter = parsed?.ok ? parsed.filter : null;
  const halfway = halfwayThrough(context.budgetEndsAt);
  while (state.source < prepared.sources.length) {
    const source = prepared.sources[state.source] as PreparedExport["sources"][number];
    const kept: APIMessage[] = [];
    let finished = false;
    let waitMs = 0;
    for (let page = 0; page < PAGES_PER_CHUNK && !finished; page++) {
      try {
        const outcome = await readPage(context, source.id, state, beforeId, filter);
        kept.push(...outcome.kept);
        if (outcome.lastId) state.cursor = outcome.lastId;
        finished = outcome.finished;
      } catch (error) {
        if (!(error instanceof DiscordWait)) throw error;
        waitMs = error.waitMs;
        break;
      }
      if (Date.now() > halfway) break;
    }
    if (kept.length > 0) {
      await context.files.put(chunkName(state.source, state.current.chunks), JSON.stringify(kept));
      state.current = {
        chunks: state.current.chunks + 1,
        messages: state.current.messages + kept.length,
        firstAt: state.current.firstAt ?? (kept[0] as APIMessage).timestamp,
        lastAt: (kept.at(-1) as APIMessage).timestamp,
      };
    }
    if (finished) {
      state.done.push(state.current);
      state.source++;
      state.current = EMPTY_SOURCE;
      state.cursor = startState(context.options).cursor;
    }
    const total = state.done.reduce((sum, s) => sum + s.messages, 0) + state.current.messages;
    await context.progress(
      textRef("exporting.progress.reading", { kept: total, read: state.fetched }),
      state.source / Math.max(1, prepared.sources.length),
    );
    if (state.source < prepared.sources.length) return continueLater(state, waitMs);
  }
  const output: CollectedExport = {
    sources: state.done,
    fetched: state.fetched,
    blank: state.blank,
    ordinary: state.ordinary,
  };
  return output;
}

export const collectStage: StageDefinition<ExportOptions> = {
  name: "collect",
  label: textRef("exporting.stage.collect"),
  run: (context, state) => collect(context, state as CollectState | undefined),
};
