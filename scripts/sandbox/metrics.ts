// Reads the bot's own counters (GET /metrics): how many results were left orphaned so far.

const ORPHANED = /^deliveries_total\{route="orphaned"\}\s+(\d+)/m;

/** null when the bot's metrics cannot be read (a token we do not know). */
export async function orphanedResults(
  botOrigin: string,
  metricsToken: string,
): Promise<number | null> {
  try {
    const response = await fetch(`${botOrigin}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return null;
    const match = ORPHANED.exec(await response.text());
    return match?.[1] ? Number(match[1]) : 0;
  } catch {
    return null;
  }
}
