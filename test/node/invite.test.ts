import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const SCRIPT = resolve("scripts/invite.ts");
// Run outside the work tree, so a developer's .dev.vars cannot change the answer.
const cwd = mkdtempSync(join(tmpdir(), "invite-"));

describe("npm run invite", () => {
  it("prints the install URL with both scopes and the exact permissions, each with why", async () => {
    const { stdout } = await run(process.execPath, [SCRIPT], {
      cwd,
      env: { ...process.env, DISCORD_APPLICATION_ID: "123456789012345678" },
    });
    const url = new URL(stdout.match(/https:\/\/discord\.com\/oauth2\/authorize\S+/)?.[0] ?? "");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    // VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | MANAGE_WEBHOOKS
    const expected = (1 << 10) + (1 << 11) + (1 << 14) + (1 << 15) + (1 << 29);
    expect(url.searchParams.get("permissions")).toBe(String(expected));
    for (const name of [
      "View Channel",
      "Send Messages",
      "Embed Links",
      "Attach Files",
      "Manage Webhooks",
    ])
      expect(stdout).toMatch(new RegExp(`- ${name}: \\S`));
  });

  it("says where to find the application id when it is missing", async () => {
    const env = { ...process.env };
    delete env.DISCORD_APPLICATION_ID;
    const failed = await run(process.execPath, [SCRIPT], { cwd, env }).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("DISCORD_APPLICATION_ID");
  });
});
