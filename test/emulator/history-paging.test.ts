import { beforeAll, describe, expect, it } from "vitest";
import { emulator, freshId, type SeedHistoryResponse } from "../helpers/emulator.ts";
import { allIds, ids, isNewestFirst, page, unlimited } from "./history-support.ts";
import { expectDiscordError, postToChannel } from "./support.ts";

const COUNT = 2_345;
let channelId: string;
let seeded: SeedHistoryResponse;
let truth: string[];

beforeAll(async () => {
  channelId = freshId();
  await unlimited(channelId);
  seeded = await emulator.seedHistory(channelId, { count: COUNT, seed: 7 });
  truth = await allIds(channelId);
});

describe("GET /channels/{id}/messages paging", () => {
  it("seeds the count asked for, oldest to newest", () => {
    expect(seeded.count).toBe(COUNT);
    expect(truth).toHaveLength(COUNT);
    expect([truth[0], truth.at(-1)]).toEqual([seeded.oldestId, seeded.newestId]);
    expect(isNewestFirst([...truth].reverse())).toBe(true);
  });

  it("reads the ids alone from the control API with ids_only", async () => {
    const url = `${emulator.origin}/_emulator/history/${channelId}?ids_only=1&limit=10000`;
    expect(await (await fetch(url)).json()).toEqual({ ids: truth, total: COUNT });
  });

  it("answers the 50 newest by default, newest first", async () => {
    expect(ids(await page(channelId))).toEqual(truth.slice(-50).reverse());
  });

  it("walks the whole channel backwards with before: no gap, no repeat", async () => {
    const seen: string[] = [];
    let before = "";
    for (let guard = 0; guard < 100; guard++) {
      const batch = ids(await page(channelId, `limit=100${before && `&before=${before}`}`));
      if (batch.length === 0) break;
      expect(isNewestFirst(batch)).toBe(true);
      seen.push(...batch);
      before = batch.at(-1) as string;
    }
    expect(seen).toEqual([...truth].reverse());
  });

  it("walks it forwards with after: each page is the next messages, still newest first", async () => {
    const seen: string[] = [];
    let after = "0";
    for (let guard = 0; guard < 100; guard++) {
      const batch = ids(await page(channelId, `limit=100&after=${after}`));
      if (batch.length === 0) break;
      expect(isNewestFirst(batch)).toBe(true);
      seen.push(...batch.reverse());
      after = seen.at(-1) as string;
    }
    expect(seen).toEqual(truth);
  });

  it("centres around on the message, which it includes", async () => {
    const k = 1000;
    const middle = truth[k] as string;
    expect(ids(await page(channelId, `around=${middle}&limit=10`))).toEqual(
      truth.slice(k - 5, k + 5).reverse(),
    );
    expect(ids(await page(channelId, `around=${middle}&limit=1`))).toEqual([middle]);
    expect(ids(await page(channelId, `around=${truth[0]}&limit=6`))).toEqual(
      truth.slice(0, 6).reverse(),
    );
  });

  it("answers nothing past either end", async () => {
    expect(await page(channelId, `after=${seeded.newestId}`)).toEqual([]);
    expect(await page(channelId, `before=${seeded.oldestId}`)).toEqual([]);
    expect(await page(freshId())).toEqual([]);
  });

  it("takes limit 1 to 100 and refuses the rest with Discord's form error", async () => {
    expect(await page(channelId, "limit=1")).toHaveLength(1);
    expect(await page(channelId, "limit=100")).toHaveLength(100);
    const cases: [string, string][] = [
      ["limit=0", "NUMBER_TYPE_MIN"],
      ["limit=101", "NUMBER_TYPE_MAX"],
      ["limit=ten", "NUMBER_TYPE_COERCE"],
    ];
    for (const [query, code] of cases) {
      const response = await emulator.api(`/channels/${channelId}/messages?${query}`);
      const body = await expectDiscordError(response, 400, 50035);
      expect(body.message).toBe("Invalid Form Body");
      expect(body.errors).toEqual({ limit: { _errors: [expect.objectContaining({ code })] } });
    }
  });

  it("refuses a bad anchor and more than one anchor", async () => {
    const notSnowflake = await emulator.api(`/channels/${channelId}/messages?before=yesterday`);
    const bad = await expectDiscordError(notSnowflake, 400, 50035);
    expect(bad.errors).toEqual({
      before: {
        _errors: [{ code: "NUMBER_TYPE_COERCE", message: 'Value "yesterday" is not snowflake.' }],
      },
    });
    const both = await emulator.api(
      `/channels/${channelId}/messages?before=${seeded.newestId}&after=${seeded.oldestId}`,
    );
    expect(Object.keys((await expectDiscordError(both, 400, 50035)).errors ?? {})).toEqual([
      "after",
    ]);
  });

  it("keeps posted and deleted messages in the same order", async () => {
    const posted = (await (await postToChannel(channelId, { content: "new" })).json()) as {
      id: string;
    };
    expect(ids(await page(channelId, "limit=2"))).toEqual([posted.id, seeded.newestId]);
    const victim = truth[500] as string;
    const deleted = await emulator.api(`/channels/${channelId}/messages/${victim}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
    expect(ids(await page(channelId, `after=${truth[498]}&limit=3`))).toEqual(
      [truth[499], truth[501], truth[502]].reverse(),
    );
    const gone = await emulator.api(`/channels/${channelId}/messages/${victim}`);
    await expectDiscordError(gone, 404, 10008);
  });
});
