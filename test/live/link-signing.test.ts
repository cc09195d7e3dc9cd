import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { checkLiveLink, liveViewUrl, signLiveLink } from "../../src/secrets/link-signing.ts";
import { BOT, sigFor } from "./live-client.ts";

const SECRET = "a-secret-of-at-least-sixteen-chars";
const ID = "0b6f3c1e-7d2a-4f5b-9c8d-1e2f3a4b5c6d";

describe("live view link signatures", () => {
  it("accept their own signature until it expires", async () => {
    const now = Date.now();
    const sig = await signLiveLink(SECRET, ID, now + 60_000);
    expect(await checkLiveLink(SECRET, ID, sig, now)).toBe("ok");
    expect(await checkLiveLink(SECRET, ID, sig, now + 61_000)).toBe("expired");
  });

  it("reject another workflow's, another secret's, a tampered and a missing signature", async () => {
    const now = Date.now();
    const sig = await signLiveLink(SECRET, ID, now + 60_000);
    expect(await checkLiveLink(SECRET, crypto.randomUUID(), sig, now)).toBe("invalid");
    expect(await checkLiveLink(`${SECRET}x`, ID, sig, now)).toBe("invalid");
    const [expires, mac] = sig.split(".") as [string, string];
    expect(await checkLiveLink(SECRET, ID, `${Number(expires) + 3600}.${mac}`, now)).toBe(
      "invalid",
    );
    const flipped = `${expires}.${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`;
    expect(await checkLiveLink(SECRET, ID, flipped, now)).toBe("invalid");
    expect(await checkLiveLink(SECRET, ID, "12.abc", now)).toBe("malformed");
    expect(await checkLiveLink(SECRET, ID, null, now)).toBe("missing");
  });

  it("make a stable link from the base URL, the id and the workflow's start", async () => {
    const settings = { secret: SECRET, publicBaseUrl: "https://bot.example", ttlMs: 60_000 };
    const url = await liveViewUrl(settings, ID, 1_000_000);
    expect(url).toBe(await liveViewUrl(settings, ID, 1_000_000));
    expect(url).toMatch(new RegExp(`^https://bot\\.example/w/${ID}\\?sig=1060\\.[\\w-]{43}$`));
    expect(await liveViewUrl({ ...settings, publicBaseUrl: null }, ID, 0)).toBeNull();
  });
});

describe("live view routes answer 403 to a bad signature", () => {
  const id = crypto.randomUUID();
  const cases: [string, () => Promise<string>][] = [
    ["missing", async () => ""],
    [
      "wrong",
      async () =>
        `?sig=${await signLiveLink(`${env.LINK_SIGNING_SECRET}!`, id, Date.now() + 60_000)}`,
    ],
    ["expired", async () => `?sig=${await sigFor(id, Date.now() - 1000)}`],
    ["for another workflow", async () => `?sig=${await sigFor(crypto.randomUUID())}`],
  ];
  for (const [name, query] of cases) {
    it(`${name}: page, report and socket are all 403`, async () => {
      const q = await query();
      const page = await exports.default.fetch(`${BOT}/w/${id}${q}`);
      expect(page.status).toBe(403);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain(name === "expired" ? "expired" : "Link not valid");
      expect((await exports.default.fetch(`${BOT}/w/${id}/report.md${q}`)).status).toBe(403);
      const socket = await exports.default.fetch(`${BOT}/w/${id}/socket${q}`, {
        headers: { upgrade: "websocket" },
      });
      expect(socket.status).toBe(403);
      expect(socket.webSocket).toBeNull();
    });
  }

  it("a malformed id is 403 too: it never reaches a Durable Object", async () => {
    const res = await exports.default.fetch(
      `${BOT}/w/not-a-uuid?sig=${await sigFor("not-a-uuid")}`,
    );
    expect(res.status).toBe(403);
  });
});
