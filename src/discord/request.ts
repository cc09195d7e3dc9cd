import type { Route } from "./routes.ts";

// Discord's required form (FACTS: `DiscordBot ($url, $version)`); Cloudflare blocks bare agents.
export const USER_AGENT = "DiscordBot (https://github.com/longflow/longflow-discord-bot, 0.1.0)";

/** A file to upload with a message; goes as multipart `files[n]` with its filename. */
export interface FileAttachment {
  name: string;
  data: Uint8Array | string;
  contentType?: string;
}

/** A message body that may carry files. */
export type WithFiles<T> = T & { files?: FileAttachment[] };

export interface OutgoingRequest {
  route: Route;
  /** JSON body (without `files`). */
  body?: unknown;
  files?: FileAttachment[];
}

/** Separates a message body's files from its JSON part. */
export function splitFiles<T extends object>(
  body: WithFiles<T>,
): { json: Omit<T, "files">; files: FileAttachment[] } {
  const { files, ...json } = body;
  return { json, files: files ?? [] };
}

export function buildUrl(apiBase: string, route: Route): string {
  const url = new URL(`${apiBase.replace(/\/+$/, "")}${route.path}`);
  for (const [name, value] of Object.entries(route.query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

export function buildHeaders(route: Route, botToken: string): Headers {
  const headers = new Headers({ "User-Agent": USER_AGENT });
  // Interaction and webhook routes authenticate with the token in their path; sending the bot
  // token there would only widen where it travels.
  if (route.kind === "bot") headers.set("Authorization", `Bot ${botToken}`);
  return headers;
}

function filePart(file: FileAttachment): Blob {
  const type = file.contentType ?? "application/octet-stream";
  // Copied so the part owns a plain ArrayBuffer, whatever buffer the caller's view sits on.
  const data = typeof file.data === "string" ? file.data : new Uint8Array(file.data);
  return new Blob([data], { type });
}

/**
 * The payload naming each new file by its index (`attachments[].id` = n of `files[n]`), as
 * Discord's own example does; a body that lists attachments itself is left as it is.
 */
function withAttachmentIds(body: unknown, files: FileAttachment[]): unknown {
  const own = typeof body === "object" && body !== null ? body : {};
  if ("attachments" in own) return own;
  return { ...own, attachments: files.map((file, id) => ({ id, filename: file.name })) };
}

/** JSON when there are no files; otherwise multipart with `payload_json` and `files[n]`. */
export function buildBody(request: OutgoingRequest, headers: Headers): RequestInit["body"] {
  const files = request.files ?? [];
  if (files.length === 0) {
    if (request.body === undefined) return undefined;
    headers.set("Content-Type", "application/json");
    return JSON.stringify(request.body);
  }
  const form = new FormData();
  form.append("payload_json", JSON.stringify(withAttachmentIds(request.body, files)));
  files.forEach((file, index) => {
    form.append(`files[${index}]`, filePart(file), file.name);
  });
  // No Content-Type here: fetch sets multipart/form-data with its boundary.
  return form;
}

export function buildRequestInit(
  apiBase: string,
  botToken: string,
  request: OutgoingRequest,
  signal: AbortSignal,
): { url: string; init: RequestInit } {
  const headers = buildHeaders(request.route, botToken);
  const body = buildBody(request, headers);
  return {
    url: buildUrl(apiBase, request.route),
    init: { method: request.route.method, headers, body, signal },
  };
}
