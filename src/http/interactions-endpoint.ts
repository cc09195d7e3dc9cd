import type { APIInteraction } from "discord-api-types/v10";
import type { InteractionContext } from "../interactions/context.ts";
import { dispatchInteraction } from "../interactions/dispatch.ts";
import type { HandlerRegistry } from "../interactions/registry.ts";
import { createLogger } from "../log.ts";
import { importDiscordPublicKey, readSignedBody } from "./discord-signature.ts";
import { jsonError, unauthorized } from "./responses.ts";

function parseInteraction(rawBody: string): APIInteraction | null {
  try {
    const value: unknown = JSON.parse(rawBody);
    if (typeof value !== "object" || value === null) return null;
    return typeof (value as { type?: unknown }).type === "number"
      ? (value as APIInteraction)
      : null;
  } catch {
    return null; // not JSON: the caller answers 400
  }
}

/** POST /interactions: verify, parse, dispatch. Discord needs an answer within 3 seconds. */
export async function handleInteractionRequest(
  request: Request,
  env: Env,
  ctx: ExecutionContext,
  registry: HandlerRegistry,
): Promise<Response> {
  const receivedAt = Date.now();
  const log = createLogger({ component: "interactions" });
  let publicKey: CryptoKey;
  try {
    publicKey = await importDiscordPublicKey(env.DISCORD_PUBLIC_KEY);
  } catch (error) {
    log.error("config.bad_public_key", { error });
    return unauthorized();
  }
  const signed = await readSignedBody(request, publicKey, receivedAt);
  if (!signed.ok) {
    log.info("interaction.rejected", { status: signed.status, reason: signed.reason });
    return signed.status === 413 ? jsonError(413, "Request body too large") : unauthorized();
  }
  const interaction = parseInteraction(signed.rawBody);
  if (!interaction) return jsonError(400, "Body is not an interaction");
  const context: InteractionContext = {
    env,
    ctx,
    receivedAt,
    log: log.with({ interactionId: interaction.id }),
  };
  return dispatchInteraction(interaction, registry, context);
}
