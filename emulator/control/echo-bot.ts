// A minimal bot behind `/_emulator/echo-bot`, so send-interaction can be tested without a Worker.
// It checks the signature like a real bot must; the query picks how it answers:
//   type=4|5|… (default 4), status=202 (answer later via the callback), delay_ms=…, content=…,
//   include_interaction=1 (adds the received interaction as `received`; Discord ignores it),
//   file_bytes=N (type 4 as multipart, with one file of N bytes in files[0])
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
  const fileBytes = Number(req.query.get("file_bytes") ?? 0);
  if (type === 4 && fileBytes > 0) return multipartAnswer({ type, data: { content } }, fileBytes);
  if (type === 4) return jsonResponse(200, { type, data: { content }, ...extra });
  const flags = req.query.has("ephemeral") ? 64 : 0;
  if (type === 5) return jsonResponse(200, { type, data: { flags }, ...extra });
  return jsonResponse(200, { type, ...extra });
}

/** A message answer with one file, as multipart (payload_json + files[0]). */
function multipartAnswer(payload: object, fileBytes: number): ApiResponse {
  const boundary = "echo-bot-boundary";
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="payload_json"',
    "Content-Type: application/json",
    "",
    JSON.stringify(payload),
    `--${boundary}`,
    'Content-Disposition: form-data; name="files[0]"; filename="echo.txt"',
    "Content-Type: text/plain",
    "",
    "e".repeat(Math.min(fileBytes, 1024 * 1024)),
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return {
    status: 200,
    text: { contentType: `multipart/form-data; boundary=${boundary}`, body },
  };
}
