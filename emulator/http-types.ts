import type { JsonObject } from "./json.ts";

export type UploadedFile = {
  field: string;
  filename: string;
  size: number;
  contentType: string;
  /** Hex SHA-256 of the bytes received, so a test can tell they arrived intact. */
  sha256: string;
  /** n of a `files[n]` field; null for other file fields. */
  index: number | null;
};

export type ParsedBody =
  | { kind: "empty" }
  | { kind: "json"; value: unknown }
  | { kind: "multipart"; payload: unknown; files: UploadedFile[] }
  | { kind: "invalid_json"; text: string }
  | { kind: "unsupported_content_type"; text: string };

export type ApiRequest = {
  method: string;
  /** Path after /api/v10 for Discord routes, after /_emulator for control routes. */
  path: string;
  query: URLSearchParams;
  queryString: string;
  headers: Headers;
  rawBody: Buffer;
  body: ParsedBody;
};

export type ApiResponse = {
  status: number;
  /** JSON body; undefined = no body. */
  json?: unknown;
  /** Non-JSON body (text/html, text/plain server errors). */
  text?: { contentType: string; body: string };
  headers?: Record<string, string>;
};

export function jsonResponse(status: number, json: unknown): ApiResponse {
  return { status, json };
}

export function noContent(): ApiResponse {
  return { status: 204 };
}

export function withHeaders(response: ApiResponse, headers: Record<string, string>): ApiResponse {
  return { ...response, headers: { ...headers, ...response.headers } };
}

export type MessageBody = { payload: JsonObject; files: UploadedFile[] };
