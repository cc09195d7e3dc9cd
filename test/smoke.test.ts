import { env, exports } from "cloudflare:workers";
import { expect, it } from "vitest";

it("boots", async () => {
  const res = await exports.default.fetch("http://bot/");
  expect(await res.text()).toBe("ok");
  const r = await fetch(env.DISCORD_API_BASE + "/nothing");
  expect(r.status).toBe(404);
});
