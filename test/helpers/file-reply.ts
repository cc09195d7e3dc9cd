// Replies with files arrive as an edit of the deferred reply (src/file-replies/): these helpers
// give an interaction a token the emulator knows, and wait for that edit.
import { expect, vi } from "vitest";
import { type EmulatedMessage, emulator } from "./emulator.ts";

/**
 * `body` with a live emulator token whose ephemeral @original is already deferred (the bot's
 * type-5 answer goes to the test, not through the emulator), and `attachment_size_limit` when
 * given, as Discord sends it in every interaction.
 */
export async function withReplyToken(
  body: Record<string, unknown>,
  attachmentSizeLimit?: number,
): Promise<{ body: Record<string, unknown>; token: string }> {
  const issued = await emulator.createInteractionToken({
    ephemeral: true,
    channelId: body.channel_id as string | undefined,
    guildId: body.guild_id as string | undefined,
    attachmentSizeLimit,
  });
  const limit =
    attachmentSizeLimit === undefined ? {} : { attachment_size_limit: attachmentSizeLimit };
  return {
    body: { ...body, id: issued.interactionId, token: issued.token, ...limit },
    token: issued.token,
  };
}

/** The HTTP answer is "thinking…", ephemeral, as JSON: never a multipart body. */
export async function expectDeferredEphemeral(response: Response): Promise<void> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
}

/** @original once the bot has edited it. */
export async function editedOriginal(token: string): Promise<EmulatedMessage> {
  let edited: EmulatedMessage | undefined;
  await vi.waitFor(
    async () => {
      const [original] = await emulator.messages({ token });
      if (!original || original.edits === 0) throw new Error("@original not edited yet");
      edited = original;
    },
    { timeout: 20_000, interval: 50 },
  );
  return edited as EmulatedMessage;
}

/** Hex SHA-256, as the emulator records it for each uploaded file. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
