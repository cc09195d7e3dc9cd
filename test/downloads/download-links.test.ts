import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  downloadLinkSettings,
  downloadUrl,
  keyFromPath,
} from "../../src/downloads/download-links.ts";
import { signLiveLink } from "../../src/secrets/link-signing.ts";

// PUBLIC_BASE_URL and LINK_SIGNING_SECRET come from vitest.config.ts.
const settings = downloadLinkSettings(env);

async function storedFile(text: string): Promise<string> {
  const key = `results/${crypto.randomUUID()}/report.md`;
  await env.RESULTS.put(key, text, { httpMetadata: { contentType: "text/markdown" } });
  return key;
}

async function link(key: string, expiresAt = Date.now() + 60_000): Promise<string> {
  if (!settings) throw new Error("download links are off in the test configuration");
  return downloadUrl(settings, key, expiresAt);
}

async function refusal(url: string): Promise<{ status: number; body: unknown; type: string }> {
  const res = await exports.default.fetch(url);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: await res.json(),
  };
}

describe("signed download links (GET /files/<key>?sig=…)", () => {
  it("serve the stored object's bytes as a download until they expire", async () => {
    const text = `# Report\n${"é".repeat(5000)}\n`;
    const key = await storedFile(text);
    const url = await link(key);
    expect(url).toMatch(
      /^http:\/\/bot\.test\/files\/results\/[0-9a-f-]{36}\/report\.md\?sig=\d+\.[\w-]{43}$/,
    );
    const res = await exports.default.fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="report.md"');
    expect(res.headers.get("content-type")).toBe("text/markdown");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe(text);
  });

  it("refuse a tampered link with a JSON 403: another key, another expiry, a changed MAC", async () => {
    const key = await storedFile("secret report");
    const url = new URL(await link(key));
    const sig = url.searchParams.get("sig") ?? "";
    const [expires, mac] = sig.split(".") as [string, string];
    const other = await storedFile("someone else's report");
    const tampered = [
      `${url.origin}/files/${other}?sig=${sig}`,
      `${url.origin}${url.pathname}?sig=${Number(expires) + 86_400}.${mac}`,
      `${url.origin}${url.pathname}?sig=${expires}.${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`,
    ];
    for (const bad of tampered) {
      const answer = await refusal(bad);
      expect(answer.status, bad).toBe(403);
      expect(answer.type).toContain("application/json");
      expect(answer.body).toEqual({ status: 403, error: expect.stringMatching(/not valid/) });
    }
    expect((await refusal(`${url.origin}${url.pathname}`)).body).toMatchObject({
      error: expect.stringMatching(/no signature/),
    });
    expect((await refusal(`${url.origin}${url.pathname}?sig=12.abc`)).status).toBe(403);
  });

  it("refuse an expired link with a JSON 410", async () => {
    const key = await storedFile("old report");
    const answer = await refusal(await link(key, Date.now() - 1000));
    expect(answer.status).toBe(410);
    expect(answer.body).toMatchObject({ status: 410, error: expect.stringMatching(/expired/) });
  });

  it("refuse a live view signature for the same subject: scopes do not mix", async () => {
    const key = await storedFile("report");
    const sig = await signLiveLink(env.LINK_SIGNING_SECRET ?? "", key, Date.now() + 60_000);
    const answer = await refusal(`http://bot.test/files/${key}?sig=${encodeURIComponent(sig)}`);
    expect(answer.status).toBe(403);
  });

  it("answer 404 in JSON for a signed link whose file is gone", async () => {
    const key = await storedFile("short-lived");
    const url = await link(key);
    await env.RESULTS.delete(key);
    const answer = await refusal(url);
    expect(answer).toMatchObject({
      status: 404,
      body: { error: expect.stringMatching(/no longer/) },
    });
  });

  it("name only plain keys: no dot segments, no encoded slashes, bounded length", () => {
    expect(keyFromPath("/files/results/abc/report.md")).toBe("results/abc/report.md");
    for (const path of [
      "/files/../secrets",
      "/files/results/../x",
      "/files/results/%2e%2e/x",
      "/files/results//x",
      "/files/",
      `/files/${"a".repeat(600)}`,
    ]) {
      expect(keyFromPath(path), path).toBeNull();
    }
  });
});
