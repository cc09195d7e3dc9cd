import { CONSUMER_MARK, readHealthMark } from "../results/health-marks.ts";
import { queueBacklog } from "../results/stage-waiting.ts";
import { trackerStub } from "../tracker/api.ts";
import { botTokenState } from "./bot-token-probe.ts";
import type { HealthSettings } from "./health-settings.ts";

/** A failed check throws one of these messages; anything else is reported as "error". */
export class CheckFailed extends Error {
  override readonly name = "CheckFailed";
}

export type Check = () => Promise<void>;

function binding<T>(value: T | undefined): T {
  if (value === undefined) throw new CheckFailed("binding missing");
  return value;
}

/** Consumer liveness: stages wait, and no consumer has run since well after they began. */
async function checkConsumer(env: Partial<Env>, settings: HealthSettings): Promise<void> {
  const db = binding(env.DB);
  binding(env.STAGES);
  binding(env.BULK_STAGES);
  const now = Date.now();
  const { oldestWaitingSince } = await queueBacklog(db, now);
  if (oldestWaitingSince === null || now - oldestWaitingSince < settings.consumerStaleMs) return;
  const mark = await readHealthMark(db, CONSUMER_MARK);
  if (!mark || mark.at < oldestWaitingSince + settings.consumerStaleMs / 2)
    throw new CheckFailed("consumer stopped");
}

/** The age of the oldest waiting stage: a consumer that runs but cannot keep up. */
async function checkBacklog(env: Partial<Env>, settings: HealthSettings): Promise<void> {
  const now = Date.now();
  const { oldestWaitingSince } = await queueBacklog(binding(env.DB), now);
  if (oldestWaitingSince !== null && now - oldestWaitingSince > settings.stageWaitMaxMs)
    throw new CheckFailed("backlog");
}

/** A rotated or revoked token shows here before a delivery needs it (bot-token-probe.ts). */
async function checkBotToken(env: Partial<Env>, settings: HealthSettings): Promise<void> {
  const db = binding(env.DB);
  const token = binding(env.DISCORD_BOT_TOKEN || undefined);
  const state = await botTokenState(env as Env, db, token, settings.botTokenCheckEveryMs);
  if (state === "token rejected" || state === "no answer") throw new CheckFailed(state);
}

export function healthChecks(env: Partial<Env>, settings: HealthSettings): Record<string, Check> {
  return {
    d1: async () => {
      await binding(env.DB).prepare("SELECT 1").first();
    },
    r2: async () => {
      await binding(env.RESULTS).head("health/probe");
    },
    durable_objects: async () => {
      binding(env.WORKFLOWS);
      if ((await trackerStub(env as Env, "health-check").ping()) !== "pong")
        throw new CheckFailed("no answer");
    },
    queue_consumer: () => checkConsumer(env, settings),
    stage_backlog: () => checkBacklog(env, settings),
    bot_token: () => checkBotToken(env, settings),
  };
}
