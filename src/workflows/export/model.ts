import type { APIMessage } from "discord-api-types/v10";
import type { JsonObject } from "../../workflow/definition.ts";
import type { ExportContext } from "./format/export-writer.ts";

/** One channel or thread whose messages become one file (or several, when partitioned). */
export interface ExportSource extends JsonObject {
  id: string;
  name: string;
  type: number;
  /** For a thread: the channel it belongs to (its "category" in the file's header). */
  parentName: string | null;
}

/** Threads past MAX_THREADS; private archived threads (listing them needs Manage Threads). */
export type SkipReason = "threads_capped" | "private_threads";

/** What `prepare` learnt: the header every file shares, and what to read. */
export interface PreparedExport extends JsonObject {
  guild: ExportContext["guild"];
  channel: ExportContext["channel"];
  exportedAt: string;
  dateRange: { after: string | null; before: string | null };
  sources: ExportSource[];
  /**
   * What was left out, one reason each (shown in the reader's language). A workflow prepared
   * before reasons were codes holds English sentences here, shown as they are.
   */
  skipped: (SkipReason | string)[];
}

/** What `collect` wrote for one source: chunk objects, oldest message first. */
export interface CollectedSource extends JsonObject {
  chunks: number;
  messages: number;
  firstAt: string | null;
  lastAt: string | null;
}

export interface CollectedExport extends JsonObject {
  sources: CollectedSource[];
  /** Messages read from Discord, before the filter. */
  fetched: number;
  /** Messages of the ordinary kinds (default, reply) that came back with nothing in them. */
  blank: number;
  ordinary: number;
}

export interface AssembledExport extends JsonObject {
  files: { name: string; bytes: number; contentType: string; messages: number }[];
  participants: number;
  participantsCapped: boolean;
}

/** The writer's context for one source: the channel's own header, or a thread's. */
export function contextFor(
  prepared: PreparedExport,
  source: ExportSource,
  filter: string,
): ExportContext {
  const isChannel = source.id === prepared.channel.id;
  return {
    guild: prepared.guild,
    channel: isChannel
      ? prepared.channel
      : {
          id: source.id,
          name: source.name,
          type: source.type,
          categoryName: source.parentName,
          topic: null,
        },
    dateRange: prepared.dateRange,
    exportedAt: prepared.exportedAt,
    filter: filter || null,
  };
}

/** The scratch object holding one source's `index`-th chunk of messages (a JSON array). */
export function chunkName(source: number, index: number): string {
  return `chunk-${source}-${index}.json`;
}

/**
 * A chunk object: the messages `collect` kept from a run of pages, with where reading stood
 * before them (`from`) and after them (`after`, collect's state), so that a run resumed after a
 * crash takes over the chunks already written from its own position instead of reading again.
 */
export interface CollectedChunk {
  from: { source: number; cursor: string };
  after: JsonObject;
  messages: APIMessage[];
}

/** A chunk's messages, oldest first; a chunk written before chunks had a header is an array. */
export function chunkMessages(text: string): APIMessage[] {
  const parsed = JSON.parse(text) as CollectedChunk | APIMessage[];
  return Array.isArray(parsed) ? parsed : parsed.messages;
}

/** The time halfway through what is left of the invocation's budget: a looping stage yields then. */
export function halfwayThrough(budgetEndsAt: number): number {
  return budgetEndsAt - (budgetEndsAt - Date.now()) / 2;
}
