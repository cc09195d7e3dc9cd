/**
 * A Discord message nonce (at most 25 characters) derived from the workflow and purpose, so a
 * repeated send after a crash returns the first message instead of posting again.
 */
export async function shortNonce(workflowId: string, purpose: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${workflowId}:${purpose}`),
  );
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return hex.slice(0, 25);
}
