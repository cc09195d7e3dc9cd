// Discord accepts only https interactions endpoints; plain http is allowed here for a bot on
// this machine (the emulator and the tests reach it on 127.0.0.1).
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a URL cannot be an interactions endpoint, or null when it can. */
export function interactionsUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `--url must be a full URL such as https://example.trycloudflare.com/interactions, got "${raw}"`;
  }
  const local = url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !local)
    return `--url must start with https:// (Discord requires it), got "${raw}"`;
  if (!url.pathname.endsWith("/interactions"))
    return `--url must end with /interactions (the bot's endpoint), got "${raw}"`;
  return null;
}
