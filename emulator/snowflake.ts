const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Snowflake-like ids: numeric strings from the clock, strictly increasing even within a millisecond. */
export function createSnowflakeSource(): () => string {
  let last = 0n;
  return () => {
    const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n;
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString();
  };
}

/** Webhook and interaction tokens: long opaque url-safe strings like Discord's. */
export function randomToken(bytes = 51): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("base64url");
}
