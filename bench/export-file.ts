// x) The exported file, fetched the way its owner would (the download link in the result) and
// checked against the channel's history: every message once, oldest first.
import type { BenchTarget } from "./bench-client.ts";

export interface FileCheck {
  url: string;
  bytes: number;
  /** Message ids found in the file, in file order. */
  messages: number;
  lost: number;
  repeated: number;
  /** Ids present but not in history order. */
  inOrder: boolean;
}

/** Links at the bot's origin (not the live view) in any message the emulator holds since `since`. */
export async function downloadLinks(target: BenchTarget, since: number): Promise<string[]> {
  const origin = target.botOrigin.replace(/\/$/, "");
  const links = new Set<string>();
  for (const message of await target.emulator.messages()) {
    const at = Date.parse(message.edited_timestamp ?? message.timestamp);
    if (!(at >= since)) continue;
    const text = JSON.stringify([message.content, message.embeds, message.components]);
    for (const match of text.matchAll(/https?:\/\/[^\s"'<>)\\]+/g)) {
      const url = match[0];
      if (url.startsWith(origin) && !new URL(url).pathname.startsWith("/w/")) links.add(url);
    }
  }
  return [...links];
}

/** Message ids in an export: DiscordChatExporter's JSON, or our HTML's `id="m-<id>"`. */
export function exportedIds(body: string, channelId: string): string[] | null {
  if (body.trimStart().startsWith("{")) {
    try {
      const parsed = JSON.parse(body) as { channel?: { id?: string }; messages?: { id: string }[] };
      if (parsed.channel?.id !== channelId || !Array.isArray(parsed.messages)) return null;
      return parsed.messages.map((m) => m.id);
    } catch {
      return null;
    }
  }
  if (!body.includes(channelId)) return null;
  return [...body.matchAll(/\bid="m-(\d+)"/g)].map((m) => m[1] as string);
}

/** The first link whose body is an export of `channelId`, compared with `truth` (oldest first). */
export async function checkExportFile(
  links: readonly string[],
  channelId: string,
  truth: readonly string[],
): Promise<FileCheck | null> {
  for (const url of links) {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) continue;
    const body = await response.text();
    const ids = exportedIds(body, channelId);
    if (!ids) continue;
    const wanted = new Set(truth);
    const found = new Set(ids);
    return {
      url,
      bytes: Buffer.byteLength(body),
      messages: ids.length,
      lost: truth.filter((id) => !found.has(id)).length,
      repeated: ids.length - found.size,
      inOrder:
        ids.length === truth.length && ids.every((id, i) => id === truth[i] && wanted.has(id)),
    };
  }
  return null;
}

/** The channel's ids as the emulator holds them, oldest first. */
export async function historyTruth(target: BenchTarget, channelId: string): Promise<string[]> {
  const all: string[] = [];
  for (;;) {
    const ids = await target.emulator.historyIds(channelId, all.at(-1));
    if (ids.length === 0) return all;
    all.push(...ids);
  }
}
