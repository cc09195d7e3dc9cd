import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../src/log.ts";

const TOKEN = "s3cr3t-t0ken-value";

/** The JSON line one logger call prints. */
function logged(write: (log: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  const capture = (line: unknown) => lines.push(String(line));
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  write(createLogger({ component: "test" }));
  vi.restoreAllMocks();
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

afterEach(() => vi.restoreAllMocks());

describe("log redaction", () => {
  it("hides credential-named fields at any depth, in objects and arrays", () => {
    const line = logged((log) =>
      log.info("start", {
        input: { url: "https://example.com/", auth: { apiKey: TOKEN, botToken: TOKEN } },
        attempts: [{ webhook: { secret: TOKEN } }, { password: TOKEN }],
        headers: { Authorization: `Bot ${TOKEN}`, cookie: `session=${TOKEN}` },
      }),
    );
    expect(line).not.toContain(TOKEN);
    const parsed = JSON.parse(line);
    expect(parsed.input.url).toBe("https://example.com/");
    expect(parsed.input.auth).toEqual({ apiKey: "[redacted]", botToken: "[redacted]" });
    expect(parsed.attempts[1].password).toBe("[redacted]");
  });

  it("drops the query string, fragment and user:password of every URL, nested or inside text", () => {
    const line = logged((log) =>
      log.warn("fetch.failed", {
        url: `https://example.com/page?token=${TOKEN}&x=1`,
        options: {
          depth: "deep",
          target: `https://user:${TOKEN}@example.com/a#access_token=${TOKEN}`,
        },
        history: [`redirected to http://example.org/b?sig=${TOKEN} then gave up`],
        error: new Error(`GET https://example.com/c?key=${TOKEN} failed`),
        link: new URL(`https://example.com/d?k=${TOKEN}`),
      }),
    );
    expect(line).not.toContain(TOKEN);
    const parsed = JSON.parse(line);
    expect(parsed.url).toBe("https://example.com/page?[redacted]");
    expect(parsed.options.target).toBe("https://%5Bredacted%5D@example.com/a#[redacted]");
    expect(parsed.history[0]).toBe("redirected to http://example.org/b?[redacted] then gave up");
    expect(parsed.error).toEqual({
      name: "Error",
      message: "GET https://example.com/c?[redacted] failed",
    });
    expect(parsed.options.depth).toBe("deep");
  });

  it("hides the token segment of Discord webhook paths", () => {
    const line = logged((log) =>
      log.error("discord.failed", { path: `/webhooks/123456/${TOKEN}/messages/@original` }),
    );
    expect(line).not.toContain(TOKEN);
    expect(JSON.parse(line).path).toBe("/webhooks/123456/[redacted]/messages/@original");
  });

  it("redacts the logger's context too, and stops at a bounded depth", () => {
    type Deep = { next?: Deep; secret?: string };
    const deep: Deep = {};
    let cursor = deep;
    for (let i = 0; i < 50; i++) cursor = cursor.next = { secret: TOKEN };
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => lines.push(String(line)));
    createLogger({ origin: { url: `https://a.example/?t=${TOKEN}` } }).info("deep", { deep });
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain("[nested too deep]");
  });
});
