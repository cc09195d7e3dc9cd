import { createHash } from "node:crypto";
import { invalidJson } from "./discord-errors.ts";
import { invalidFormBody } from "./form-errors.ts";
import type {
  ApiRequest,
  ApiResponse,
  MessageBody,
  ParsedBody,
  UploadedFile,
} from "./http-types.ts";
import { isObject, type JsonObject } from "./json.ts";

const FILES_FIELD = /^files\[(\d+)\]$/;

export async function parseBody(raw: Buffer, contentType: string | null): Promise<ParsedBody> {
  if (raw.length === 0) return { kind: "empty" };
  const text = () => raw.toString("utf8");
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    try {
      return { kind: "json", value: JSON.parse(text()) };
    } catch {
      return { kind: "invalid_json", text: text() };
    }
  }
  if (type === "multipart/form-data" && contentType) return parseMultipart(raw, contentType);
  return { kind: "unsupported_content_type", text: text() };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    form = await new Request("http://emulator.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: raw,
    }).formData();
  } catch (error) {
    // A malformed multipart body is Discord's "invalid form body", reported as such below.
    return { kind: "invalid_json", text: `multipart parse failed: ${String(error)}` };
  }
  const files: UploadedFile[] = [];
  let payload: unknown = {};
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") {
        try {
          payload = JSON.parse(value);
        } catch {
          return { kind: "invalid_json", text: value };
        }
      }
      continue;
    }
    const index = FILES_FIELD.exec(field)?.[1];
    files.push({
      field,
      filename: value.name,
      size: value.size,
      contentType: value.type || "application/octet-stream",
      sha256: createHash("sha256")
        .update(Buffer.from(await value.arrayBuffer()))
        .digest("hex"),
      index: index === undefined ? null : Number(index),
    });
  }
  return { kind: "multipart", payload, files };
}

/** What the request log shows as the body. */
export function describeBody(body: ParsedBody): unknown {
  switch (body.kind) {
    case "empty":
      return null;
    case "json":
      return body.value;
    case "multipart":
      return {
        payload_json: body.payload,
        files: body.files.map(({ field, filename, size, contentType }) => ({
          field,
          filename,
          size,
          contentType,
        })),
      };
    case "invalid_json":
    case "unsupported_content_type":
      return body.text.slice(0, 10_000);
  }
}

const CONTENT_TYPE_INVALID = {
  _errors: [
    {
      code: "CONTENT_TYPE_INVALID",
      message:
        "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.",
    },
  ],
};

const NOT_AN_OBJECT = {
  _errors: [{ code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" }],
};

export type Read<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

const fail = (response: ApiResponse): { ok: false; response: ApiResponse } => ({
  ok: false,
  response,
});

/** A message-like body: JSON or multipart (`payload_json` + `files[n]`). */
export function readMessageBody(req: ApiRequest): Read<MessageBody> {
  const body = req.body;
  switch (body.kind) {
    case "empty":
      return { ok: true, value: { payload: {}, files: [] } };
    case "invalid_json":
      return fail(invalidJson());
    case "unsupported_content_type":
      return fail(invalidFormBody(CONTENT_TYPE_INVALID));
    case "json":
      return isObject(body.value)
        ? { ok: true, value: { payload: body.value, files: [] } }
        : fail(invalidFormBody(NOT_AN_OBJECT));
    case "multipart":
      return isObject(body.payload)
        ? { ok: true, value: { payload: body.payload, files: body.files } }
        : fail(invalidFormBody(NOT_AN_OBJECT));
  }
}

/** A JSON body; multipart is refused like Discord does for routes without uploads. */
export function readJsonBody(req: ApiRequest): Read<unknown> {
  const body = req.body;
  if (body.kind === "empty") return { ok: true, value: {} };
  if (body.kind === "invalid_json") return fail(invalidJson());
  if (body.kind !== "json") return fail(invalidFormBody(CONTENT_TYPE_INVALID));
  return { ok: true, value: body.value };
}

export function readJsonObject(req: ApiRequest): Read<JsonObject> {
  const read = readJsonBody(req);
  if (!read.ok) return read;
  return isObject(read.value)
    ? { ok: true, value: read.value }
    : fail(invalidFormBody(NOT_AN_OBJECT));
}
