import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("HTTP routes", () => {
  it("GET / answers a short health text", async () => {
    const res = await exports.default.fetch("http://bot.test/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("running");
  });

  it("an unknown route is a JSON 404", async () => {
    const res = await exports.default.fetch("http://bot.test/nope", { method: "PUT" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Not found", status: 404 });
  });

  it("GET /interactions is not a route", async () => {
    const res = await exports.default.fetch("http://bot.test/interactions");
    expect(res.status).toBe(404);
  });

  it("an unsigned POST /interactions gets 401 through the deployed entry point", async () => {
    const res = await exports.default.fetch("http://bot.test/interactions", {
      method: "POST",
      body: JSON.stringify({ type: 1 }),
    });
    expect(res.status).toBe(401);
  });
});
