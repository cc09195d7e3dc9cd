// Each channel's message ids in snowflake order, so a page of history costs O(log n + limit)
// however many messages the emulator holds (a seeded channel has 100,000).

/** Snowflakes as decimal strings: a longer one is larger; equal lengths compare as text. */
export function compareSnowflakes(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export type PageQuery =
  | { kind: "latest"; limit: number }
  | { kind: "before" | "after" | "around"; id: string; limit: number };

export class ChannelIndex {
  private readonly ids = new Map<string, string[]>();

  add(channelId: string, id: string): void {
    const list = this.listOf(channelId);
    const last = list.at(-1);
    // New messages almost always come last; anything else is placed by binary search.
    if (last === undefined || compareSnowflakes(last, id) < 0) list.push(id);
    else {
      const at = lowerBound(list, id);
      if (list[at] !== id) list.splice(at, 0, id);
    }
  }

  /** Adds ids already in ascending order, merging them with the channel's in one pass. */
  addSorted(channelId: string, sorted: readonly string[]): void {
    const list = this.listOf(channelId);
    const last = list.at(-1);
    const first = sorted[0];
    if (first === undefined) return;
    if (last === undefined || compareSnowflakes(last, first) < 0) {
      for (const id of sorted) list.push(id);
      return;
    }
    const merged: string[] = [];
    let [i, j] = [0, 0];
    while (i < list.length || j < sorted.length) {
      const a = list[i];
      const b = sorted[j];
      if (b === undefined || (a !== undefined && compareSnowflakes(a, b) <= 0)) {
        merged.push(a as string);
        i++;
        if (a === b) j++;
      } else {
        merged.push(b);
        j++;
      }
    }
    this.ids.set(channelId, merged);
  }

  remove(channelId: string, id: string): void {
    const list = this.ids.get(channelId);
    if (!list) return;
    const at = lowerBound(list, id);
    if (list[at] === id) list.splice(at, 1);
  }

  count(channelId: string): number {
    return this.ids.get(channelId)?.length ?? 0;
  }

  newest(channelId: string): string | null {
    return this.ids.get(channelId)?.at(-1) ?? null;
  }

  /** All ids, oldest first (a copy). */
  all(channelId: string): string[] {
    return [...(this.ids.get(channelId) ?? [])];
  }

  /** A page as Discord returns it: newest first, whatever the direction. */
  page(channelId: string, query: PageQuery): string[] {
    const list = this.ids.get(channelId) ?? [];
    const { limit } = query;
    let [start, end] = [Math.max(0, list.length - limit), list.length];
    if (query.kind === "before") {
      end = lowerBound(list, query.id);
      start = Math.max(0, end - limit);
    } else if (query.kind === "after") {
      start = upperBound(list, query.id);
      end = Math.min(list.length, start + limit);
    } else if (query.kind === "around") {
      // Discord: limit/2 older, the rest (with the message itself, when it exists) newer.
      const at = lowerBound(list, query.id);
      start = Math.max(0, at - Math.floor(limit / 2));
      end = Math.min(list.length, start + limit);
      start = Math.max(0, end - limit);
    }
    return list.slice(start, end).reverse();
  }

  private listOf(channelId: string): string[] {
    let list = this.ids.get(channelId);
    if (!list) {
      list = [];
      this.ids.set(channelId, list);
    }
    return list;
  }
}

/** First position whose id is ≥ `id`. */
function lowerBound(list: readonly string[], id: string): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSnowflakes(list[mid] as string, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose id is > `id`. */
function upperBound(list: readonly string[], id: string): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSnowflakes(list[mid] as string, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
