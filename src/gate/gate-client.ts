import type {
  BotGatePort,
  GateAdmission,
  GateClosure,
  GateRequest,
} from "../discord/bot-gate-port.ts";
import type { Logger } from "../log.ts";
import type { BotGate, GateView } from "./bot-gate.ts";

/** The one gate of the bot: a single Durable Object instance. */
export function botGateStub(env: Env): DurableObjectStub<BotGate> {
  return env.BOT_GATE.get(env.BOT_GATE.idFromName("bot"));
}

const OPEN: GateAdmission = { waitMs: 0, probe: false };

/**
 * The gate as the REST client sees it. Fails open: an unreachable gate must not strand every
 * result; Discord's own answers still close it on the next call that gets through.
 */
export function botGateFor(env: Env, log: Logger): BotGatePort {
  const stub = () => botGateStub(env);
  return {
    async admit(request: GateRequest) {
      try {
        return await stub().admit(request);
      } catch (error) {
        log.warn("gate.unreachable", { error });
        return OPEN;
      }
    },
    async close(closure: GateClosure) {
      await stub()
        .close(closure)
        .catch((error: unknown) => log.warn("gate.unreachable", { error }));
    },
    async reopen() {
      await stub()
        .reopen()
        .catch((error: unknown) => log.warn("gate.unreachable", { error }));
    },
  };
}

export function gateView(env: Env): Promise<GateView> {
  return botGateStub(env).view();
}
