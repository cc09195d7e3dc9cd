/** JSON error body for HTTP callers: a status and a sentence, never a stack trace. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message, status }, { status });
}

export function notFound(): Response {
  return jsonError(404, "Not found");
}

/** Signature failures get no detail: Discord only needs the status, attackers get nothing. */
export function unauthorized(): Response {
  return new Response(null, { status: 401 });
}
