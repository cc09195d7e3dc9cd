/**
 * The operator's door: `Authorization: Bearer <METRICS_TOKEN>`, shared by /metrics and
 * /health/details. Unset, it refuses everyone.
 */
export async function isOperator(request: Request, env: Partial<Env>): Promise<boolean> {
  const expected = env.METRICS_TOKEN;
  const header = request.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (!expected || !given) return false;
  return sameSecret(given, expected);
}

async function sameSecret(given: string, expected: string): Promise<boolean> {
  // Compare digests so the time taken does not reveal how much of the token matched.
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}
