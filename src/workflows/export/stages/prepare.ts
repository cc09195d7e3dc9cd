import type { APIChannel, APIThreadChannel } from "discord-api-types/v10";
import { textRef } from "../../../i18n/text-ref.ts";
import {
  continueLater,
  type StageContext,
  type StageDefinition,
} from "../../../workflow/definition.ts";
import { DiscordWait, type StageDiscord } from "../../../workflow/stage-discord.ts";
import { ChannelKind } from "../channel-kinds.ts";
import { timeOfSnowflake } from "../message-bound.ts";
import type { ExportSource, PreparedExport, SkipReason } from "../model.ts";
import { boundsOf, type ExportOptions } from "../options.ts";

/** Threads exported at most, each its own file: a bound an outsider cannot raise. */
export const MAX_THREADS = 50;
/** Pages of archived threads read at most (100 each). */
const MAX_ARCHIVE_PAGES = 5;

const THREAD_TYPES: readonly number[] = [
  ChannelKind.AnnouncementThread,
  ChannelKind.PublicThread,
  ChannelKind.PrivateThread,
];

function nameOf(channel: APIChannel): string {
  return ("name" in channel && channel.name) || channel.id;
}

function parentOf(channel: APIChannel): string | null {
  return "parent_id" in channel ? (channel.parent_id ?? null) : null;
}

async function guildOf(discord: StageDiscord, guildId: string | undefined) {
  if (!guildId) return null;
  const guild = await discord.guild(guildId);
  const iconUrl = guild.icon
    ? `https://cdn.discordapp.com/icons/${guild.id}/${guild.icon}.png`
    : null;
  return { id: guild.id, name: guild.name, iconUrl };
}

/** Active threads (from the guild's list) and archived public ones, newest first, bounded. */
async function threadsOf(
  discord: StageDiscord,
  channel: APIChannel,
  guildId: string,
): Promise<{ threads: APIThreadChannel[]; more: boolean }> {
  const active = (await discord.activeThreads(guildId)).threads.filter(
    (thread) => parentOf(thread) === channel.id,
  ) as APIThreadChannel[];
  const archived: APIThreadChannel[] = [];
  let before: string | undefined;
  let more = false;
  for (let page = 0; page < MAX_ARCHIVE_PAGES; page++) {
    const answer = await discord.archivedPublicThreads(channel.id, { before, limit: 100 });
    archived.push(...(answer.threads as APIThreadChannel[]));
    more = answer.has_more === true;
    const last = answer.threads.at(-1) as APIThreadChannel | undefined;
    const archivedAt = last?.thread_metadata?.archive_timestamp;
    if (!more || !archivedAt || active.length + archived.length >= MAX_THREADS) break;
    before = archivedAt;
  }
  const seen = new Set<string>();
  const threads = [...active, ...archived].filter((thread) => {
    if (seen.has(thread.id)) return false;
    seen.add(thread.id);
    return true;
  });
  return { threads: threads.slice(0, MAX_THREADS), more: more || threads.length > MAX_THREADS };
}

function isoOf(id: string | null): string | null {
  return id ? new Date(timeOfSnowflake(id)).toISOString() : null;
}

async function prepare(context: StageContext<ExportOptions>): Promise<PreparedExport> {
  const { discord, options } = context;
  const channel = await discord.channel(options.channel);
  const guildId = "guild_id" in channel ? channel.guild_id : undefined;
  const parentId = parentOf(channel);
  const parent = parentId ? await discord.channel(parentId) : null;
  const guild = await guildOf(discord, guildId);
  const bounds = boundsOf(options);
  const isForum = channel.type === ChannelKind.Forum;
  const isThread = THREAD_TYPES.includes(channel.type);
  const sources: ExportSource[] = [];
  const skipped: SkipReason[] = [];
  const self: ExportSource = {
    id: channel.id,
    name: nameOf(channel),
    type: channel.type,
    parentName: parent ? nameOf(parent) : null,
  };
  // A forum holds no messages of its own: its posts are its threads.
  if (!isForum) sources.push(self);
  if ((options.threads || isForum) && !isThread && guildId) {
    await context.progress(textRef("exporting.progress.threads"), 0.5);
    const { threads, more } = await threadsOf(discord, channel, guildId);
    for (const thread of threads)
      sources.push({
        id: thread.id,
        name: nameOf(thread),
        type: thread.type,
        parentName: self.name,
      });
    if (more) skipped.push("threads_capped");
    skipped.push("private_threads");
  }
  return {
    guild,
    channel: {
      id: channel.id,
      name: self.name,
      type: channel.type,
      categoryName: self.parentName,
      topic: ("topic" in channel && channel.topic) || null,
    },
    exportedAt: new Date().toISOString(),
    dateRange: bounds.ok
      ? { after: isoOf(bounds.afterId), before: isoOf(bounds.beforeId) }
      : { after: null, before: null },
    sources,
    skipped,
  };
}

export const prepareStage: StageDefinition<ExportOptions> = {
  name: "prepare",
  label: textRef("exporting.stage.prepare"),
  async run(context) {
    try {
      return await prepare(context);
    } catch (error) {
      // Nothing is kept between tries: the reads are few and repeat safely.
      if (error instanceof DiscordWait) return continueLater(null, error.waitMs);
      throw error;
    }
  },
};
