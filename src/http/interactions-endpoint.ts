import { rawText } from "../discord/render/localized-text.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";
import { renderText } from "../i18n/text-ref.ts";
import { trusted } from "../i18n/translator.ts";
import type { InteractionContext } from "../interactions/context.ts";
import { dispatchInteraction } from "../interactions/dispatch.ts";
import { checkInteractionShape } from "../interactions/interaction-shape.ts";
import type { HandlerRegistry } from "../interactions/registry.ts";
import { ephemeral, textFor } from "../interactions/replies.ts";
import { createLogger } from "../log.ts";
import { importDiscordPublicKey, readSignedBody } from "./discord-signature.ts";
import { jsonError, unauthorized } from "./responses.ts";

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    return undefined; // not JSON: answered 400 like any other malformed body
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
  const body = parseJson(signed.rawBody);
  const shape = checkInteractionShape(body);
  if (!shape.ok) {
    const english = renderText(rawText(DEFAULT_LOCALE), shape.problem);
    log.warn("interaction.malformed", { problem: english });
    // In Discord the sender sees the sentence in their language; anyone else gets it as JSON
    // with a status, in English like the rest of the HTTP API.
    if (!shape.answerable) return jsonError(400, `Body is not an interaction: ${english}`);
    const t = textFor(typeof body === "object" && body !== null ? body : {});
    return ephemeral(
      t("interactions.malformed", { problem: trusted(renderText(t, shape.problem)) }),
    );
  }
  const interaction = shape.interaction;
  const context: InteractionContext = {
    env,
    ctx,
    receivedAt,
    log: log.with({ interactionId: interaction.id }),
  };
  return dispatchInteraction(interaction, registry, context);
}
