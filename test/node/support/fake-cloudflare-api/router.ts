// Matches "METHOD /accounts/:account/..." patterns against a request path (under /client/v4).
import type { FakeResponse } from "./envelope.ts";
import type { FakeAccount } from "./state.ts";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
}

export type Params = Record<string, string>;

export type Handler = (
  account: FakeAccount,
  request: FakeRequest,
  params: Params,
) => FakeResponse | Promise<FakeResponse>;

export interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export function route(method: string, pattern: string, handler: Handler): Route {
  return { method, segments: pattern.split("/").filter(Boolean), handler };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Params } | undefined {
  const segments = path.split("/").filter(Boolean);
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params: Params = {};
    const matched = candidate.segments.every((part, i) => {
      const segment = decodeURIComponent(segments[i] ?? "");
      if (part.startsWith(":")) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (matched) return { route: candidate, params };
  }
  return undefined;
}

/** A parameter the matched pattern guarantees. */
export function param(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
}
