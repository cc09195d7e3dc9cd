import { createDiscordClient } from "../discord/create-client.ts";
import { FatalError, GateClosedError } from "../discord/errors.ts";
import { botGateFor } from "../gate/gate-client.ts";
import { createLogger } from "../log.ts";
import { claimHealthMark, readHealthMark, writeHealthMark } from "../results/health-marks.ts";

/** What the last probe learnt; "unknown" until a first probe has answered. */
export type BotTokenState = "ok" | "token rejected" | "no answer" | "unknown";

// The probe never waits at the gate: a closed gate already says what the probe would learn, and
// a budget that is spent is better left to results.
const PROBE_GATE_WAIT_MS = 0;

export async function botTokenFingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest).slice(0, 4)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/**
 * The bot token's state, asking Discord (GET /users/@me) at most once per `everyMs` per token
 * across every isolate: a conditional D1 write picks the one caller that asks; the others read
 * the last answer. The probe is a bot-token call like any other, so it passes the bot gate: a
 * closed gate is not probed from here (the gate runs its own probe).
 */
export async function botTokenState(
  env: Env,
  db: D1Database,
  token: string,
  everyMs: number,
  now = Date.now(),
): Promise<BotTokenState> {
  const fingerprint = await botTokenFingerprint(token);
  const answerName = `bot_token:${fingerprint}`;
  const last = await readHealthMark(db, answerName);
  if (last && now - last.at < everyMs) return last.state as BotTokenState;
  if (!(await claimHealthMark(db, `bot_token_probe:${fingerprint}`, now, now - everyMs)))
    return (last?.state as BotTokenState | undefined) ?? "unknown";
  const state = await askDiscord({ ...env, DISCORD_BOT_TOKEN: token });
  if (state === null) return (last?.state as BotTokenState | undefined) ?? "unknown";
  await writeHealthMark(db, answerName, now, state);
  return state;
}

/** null: the gate kept the call in (closed or out of budget); nothing was learnt. */
async function askDiscord(env: Env): Promise<BotTokenState | null> {
  const log = createLogger({ component: "health" });
  const client = createDiscordClient(env, {
    maxRetries: 0,
    maxWaitMs: 0,
    gate: botGateFor(env, log),
    gatePriority: "progress",
    maxGateWaitMs: PROBE_GATE_WAIT_MS,
  });
  try {
    await client.getCurrentUser();
    return "ok";
  } catch (error) {
    if (error instanceof GateClosedError)
      return error.reason === "bad_bot_token" ? "token rejected" : null;
    if (error instanceof FatalError && error.reason === "bad_bot_token") return "token rejected";
    return "no answer";
  }
}
