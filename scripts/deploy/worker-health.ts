// Waits until the deployed Worker answers GET /health with 200. A first deploy to a new
// workers.dev name can take a little while to be reachable, so it asks again for a while.
const ATTEMPTS = 30;
const PAUSE_MS = 2_000;

export async function waitForHealth(origin: string): Promise<string> {
  let last = "no answer";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (response.ok) return `${response.status} ${JSON.parse(body).status ?? ""}`.trim();
      last = `${response.status} ${body.slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (attempt < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  throw new Error(
    `${origin}/health did not answer 200 after ${(ATTEMPTS * PAUSE_MS) / 1000} s (last: ${last}): see the Worker's logs with \`npx wrangler tail\``,
  );
}
