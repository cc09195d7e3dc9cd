// Control routes take a JSON object body (or none) and answer 400 {error} when it is wrong.
import type { Emulator } from "../context.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import { isObject, type JsonObject } from "../json.ts";
import type { Params } from "../router.ts";

export const bad = (error: string): ApiResponse => jsonResponse(400, { error });

type BodyHandler = (
  emulator: Emulator,
  body: JsonObject,
  params: Params,
) => ApiResponse | Promise<ApiResponse>;

export function withBody(handler: BodyHandler) {
  return (emulator: Emulator, req: ApiRequest, params: Params) => {
    if (req.body.kind === "empty") return handler(emulator, {}, params);
    if (req.body.kind !== "json" || !isObject(req.body.value))
      return bad("expected a JSON object body");
    return handler(emulator, req.body.value, params);
  };
}
