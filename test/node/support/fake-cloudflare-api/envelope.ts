// Cloudflare's v4 API envelope. Wrangler reads `success` and `result`, pages lists with
// `result_info` (page, per_page, total_count: more pages while page * per_page < total_count),
// and turns `errors[].code` into APIError codes it branches on (10007 Worker not found, 7404 D1
// database not found, 10006 R2 bucket not found...).
export interface FakeResponse {
  status: number;
  body: unknown;
}

export interface ResultInfo {
  page: number;
  per_page: number;
  count: number;
  total_count: number;
}

export function ok(result: unknown, resultInfo?: ResultInfo): FakeResponse {
  return {
    status: 200,
    body: {
      success: true,
      errors: [],
      messages: [],
      result,
      ...(resultInfo ? { result_info: resultInfo } : {}),
    },
  };
}

/** A whole list on one page, as Cloudflare answers a list that fits. */
export function okList(items: unknown[]): FakeResponse {
  const count = items.length;
  return ok(items, { page: 1, per_page: Math.max(count, 20), count, total_count: count });
}

export function fail(
  status: number,
  code: number,
  message: string,
  notes: string[] = [],
): FakeResponse {
  return {
    status,
    body: {
      success: false,
      errors: [{ code, message }],
      messages: notes.map((text) => ({ message: text })),
      result: null,
    },
  };
}

/** What Cloudflare answers for a path it has no route for. */
export function noRoute(path: string): FakeResponse {
  return fail(404, 7003, `Could not route to ${path}, perhaps your object identifier is invalid?`);
}
