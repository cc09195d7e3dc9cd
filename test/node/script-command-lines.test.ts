// Every npm script an operator runs reads its flags the same way: --help prints the usage and
// exits 0 without doing anything; an unknown flag or a bad value prints one line and the usage
// and exits 2, never a stack trace.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDiscordEmulator, startDiscordEmulator } from "../../emulator/server.ts";
import { emulatorRequests, runScript, scriptEnv } from "./support/run-deploy.ts";

const SCRIPTS = [
  "start",
  "sandbox",
  "bench",
  "soak",
  "deploy",
  "setup",
  "register",
  "invite",
  "dev",
];
const packageScripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts;

/** The file `npm run <name>` runs with node. */
function scriptFile(name: string): string {
  const file = /^node (\S+\.ts)$/.exec(packageScripts[name] ?? "")?.[1];
  if (!file) throw new Error(`npm run ${name} is not "node <file>.ts": ${packageScripts[name]}`);
  return file;
}

let discord: RunningDiscordEmulator;
beforeAll(async () => {
  discord = await startDiscordEmulator({ port: 0 });
});
afterAll(async () => {
  await discord?.close();
});

const run = (name: string, args: string[]) =>
  runScript(
    process.execPath,
    [scriptFile(name), ...args],
    scriptEnv(null, discord, { DISCORD_BOT_TOKEN: discord.botToken }),
  );

describe("the npm scripts' command lines", () => {
  it.each(SCRIPTS)("npm run %s -- --help: usage, options, examples, exit 0", async (name) => {
    const help = await run(name, ["--help"]);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm (run )?\S+ --/);
    expect(help.stdout).toContain("\noptions:\n");
    expect(help.stdout).toContain("  --help ");
    expect(help.stdout).toMatch(/\nexamples:\n {2}npm (run )?\S+/);
  });

  it.each(SCRIPTS)(
    "npm run %s -- --bogus: one line and the usage, exit 2, no stack trace",
    async (name) => {
      const refused = await run(name, ["--bogus"]);
      expect(refused.status).toBe(2);
      const [first, blank, usage] = refused.stderr.split("\n");
      expect(first).toMatch(/^npm (run )?\S+: Unknown option '--bogus'$/);
      expect(blank).toBe("");
      expect(usage).toMatch(/^usage: /);
      expect(refused.stderr).not.toMatch(/^\s+at /m);
      expect(refused.stdout).toBe("");
    },
  );

  it.each([
    ["start", ["--token-ttl-seconds", "abc"], "--token-ttl-seconds must be a whole number ≥ 5"],
    ["soak", ["--workflows", "0"], "--workflows must be a whole number from 1 to 1000"],
    [
      "register",
      ["--guild", "my-server"],
      '--guild takes a server id (17 to 20 digits), got "my-server"',
    ],
    ["register", ["--clear"], "--clear needs --guild <id>"],
    ["setup", [], "--url is required"],
    ["setup", ["--url", "http://example.com/interactions"], "--url must start with https://"],
    ["deploy", ["--dry-run=yes"], "Option '--dry-run' does not take an argument"],
  ])("npm run %s -- %s: a bad value is refused with exit 2", async (name, args, message) => {
    const refused = await run(name, args);
    expect(refused.status).toBe(2);
    expect(refused.stderr.split("\n")[0]).toContain(message);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
  });

  it("register --help (and a refused flag) call nothing on Discord", async () => {
    await run("register", ["--help"]);
    await run("register", ["--clear"]);
    expect(await emulatorRequests(discord)).toEqual([]);
  });
});
