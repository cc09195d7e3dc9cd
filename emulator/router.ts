import type { Emulator } from "./context.ts";
import type { ApiRequest, ApiResponse } from "./http-types.ts";

export type Params = Record<string, string>;

export type RouteHandler = (
  emulator: Emulator,
  req: ApiRequest,
  params: Params,
) => ApiResponse | Promise<ApiResponse>;

export type Route = {
  method: string;
  /** Segments; ":name" captures one segment. */
  pattern: string;
  /** "bot" routes need `Authorization: Bot <token>`; webhook-token routes need none. */
  auth: "bot" | "none";
  /** Parameters that make a separate rate-limit bucket (Discord's "major parameters"). */
  major: string[];
  handler: RouteHandler;
};

export type RouteMatch =
  | { kind: "found"; route: Route; params: Params }
  | { kind: "wrong_method" }
  | { kind: "none" };

export function route(
  method: string,
  pattern: string,
  auth: Route["auth"],
  major: string[],
  handler: RouteHandler,
): Route {
  return { method, pattern, auth, major, handler };
}

/** A parameter the matched pattern guarantees. */
export function param(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split("/").filter(Boolean);
  let pathMatched = false;
  for (const candidate of routes) {
    const params = matchPattern(candidate.pattern, segments);
    if (!params) continue;
    if (candidate.method === method) return { kind: "found", route: candidate, params };
    pathMatched = true;
  }
  return pathMatched ? { kind: "wrong_method" } : { kind: "none" };
}

function matchPattern(pattern: string, segments: string[]): Params | null {
  const parts = pattern.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Params = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i];
    if (segment === undefined) return null;
    if (part.startsWith(":")) {
      const value = decodeSegment(segment);
      if (value === null) return null;
      params[part.slice(1)] = value;
    } else if (part !== segment) return null;
  }
  return params;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return null; // malformed %-escape: no route matches it
    throw error;
  }
}
