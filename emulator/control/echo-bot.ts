// A minimal bot behind `/_emulator/echo-bot`, so send-interaction can be tested without a Worker.
// It checks the signature like a real bot must; the query picks how it answers:
//   type=4|5|… (default 4), status=202 (answer later via the callback), delay_ms=…, content=…,
//   include_interaction=1 (adds the received interaction as `received`; Discord ignores it)
import type { Emulator } from "../context.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import { isObject } from "../json.ts";

export async function echoBot(emulator: Emulator, req: ApiRequest): Promise<ApiResponse> {
  const signature = req.headers.get("x-signature-ed25519") ?? "";
  const timestamp = req.headers.get("x-signature-timestamp") ?? "";
  const body = req.rawBody.toString("utf8");
  if (!(await emulator.signer.verify(timestamp, body, signature))) {
    return { status: 401, text: { contentType: "text/plain", body: "invalid request signature" } };
  }
  const interaction = req.body.kind === "json" ? req.body.value : null;
  if (!isObject(interaction)) return jsonResponse(400, { error: "expected a JSON interaction" });
  if (interaction.type === 1) return jsonResponse(200, { type: 1 });
  const delayMs = Number(req.query.get("delay_ms") ?? 0);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (req.query.get("status") === "202") return { status: 202 };
  const type = Number(req.query.get("type") ?? 4);
  const content = req.query.get("content") ?? `echo ${String(interaction.id)}`;
  const extra = req.query.has("include_interaction") ? { received: interaction } : {};
  if (type === 4) return jsonResponse(200, { type, data: { content }, ...extra });
  const flags = req.query.has("ephemeral") ? 64 : 0;
  if (type === 5) return jsonResponse(200, { type, data: { flags }, ...extra });
  return jsonResponse(200, { type, ...extra });
}
