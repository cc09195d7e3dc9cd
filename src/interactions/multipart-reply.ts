import type { APIAllowedMentions, APIInteractionResponse } from "discord-api-types/v10";
import { withAllowedMentions } from "../discord/allowed-mentions.ts";
import type { FileAttachment } from "../discord/request.ts";

/**
 * An interaction response that carries files: multipart with `payload_json` and `files[n]`,
 * answered directly in the HTTP response like a JSON one.
 */
export function replyWithFiles(body: APIInteractionResponse, files: FileAttachment[]): Response {
  if (files.length === 0) return Response.json(body);
  const form = new FormData();
  const attachments = files.map((file, id) => ({ id, filename: file.name }));
  // Only message responses carry files, so `data` is a message's.
  const own = ("data" in body && body.data ? body.data : {}) as {
    allowed_mentions?: APIAllowedMentions;
  };
  const data = { ...withAllowedMentions(own), attachments };
  form.append("payload_json", JSON.stringify({ ...body, data }));
  files.forEach((file, index) => {
    form.append(
      `files[${index}]`,
      new Blob([file.data], { type: file.contentType ?? "application/octet-stream" }),
      file.name,
    );
  });
  return new Response(form);
}
