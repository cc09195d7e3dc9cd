// A fake of Cloudflare's v4 API: a real HTTP server that wrangler reaches through
// CLOUDFLARE_API_BASE_URL (with CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID). It keeps an
// account's D1 databases, R2 buckets, queues and Workers in memory, answers in Cloudflare's
// envelope with the error codes wrangler branches on, records every request, and can be told to
// fail a route (e.g. the Worker upload with a 500) until the fault is cleared. The calls it answers,
// and what it does not fake: docs/fake-cloudflare-api.md.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type FakeResponse, fail, noRoute } from "./envelope.ts";
import { type RecordedCall, summarizeBody } from "./recording.ts";
import { type FakeRequest, matchRoute } from "./router.ts";
import { accountRoutes } from "./routes/account.ts";
import { d1Routes } from "./routes/d1.ts";
import { queueRoutes } from "./routes/queues.ts";
import { r2Routes } from "./routes/r2.ts";
import { workerRoutes } from "./routes/workers.ts";
import { FakeAccount } from "./state.ts";

export interface Fault {
  method: string;
  /** Matched against the path under /client/v4, with the account id as written. */
  path: RegExp;
  status: number;
}

export interface RunningFakeCloudflareApi {
  /** What CLOUDFLARE_API_BASE_URL should be. */
  apiBase: string;
  accountId: string;
  apiToken: string;
  account: FakeAccount;
  calls: RecordedCall[];
  /** Answers matching requests with `status` until clearFaults(). */
  fail(fault: Fault): void;
  clearFaults(): void;
  /** The environment that points wrangler at this fake. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const API_PREFIX = "/client/v4";
const ROUTES = [...accountRoutes, ...workerRoutes, ...d1Routes, ...r2Routes, ...queueRoutes];
const AUTHENTICATION_ERROR = 10000;

export async function startFakeCloudflareApi(
  options: { accountId?: string; apiToken?: string } = {},
): Promise<RunningFakeCloudflareApi> {
  const accountId = options.accountId ?? "0123456789abcdef0123456789abcdef";
  const apiToken = options.apiToken ?? "fake-cloudflare-api-token";
  const account = new FakeAccount(accountId);
  const calls: RecordedCall[] = [];
  let faults: Fault[] = [];

  async function answer(request: FakeRequest): Promise<FakeResponse> {
    if (request.headers.authorization !== `Bearer ${apiToken}`) {
      return fail(403, AUTHENTICATION_ERROR, "Authentication error");
    }
    const fault = faults.find((f) => f.method === request.method && f.path.test(request.path));
    if (fault) return fail(fault.status, 10013, "An unknown error has occurred");
    const ownAccount = `/accounts/${accountId}`;
    if (request.path !== ownAccount && !request.path.startsWith(`${ownAccount}/`))
      return noRoute(request.path);
    const matched = matchRoute(ROUTES, request.method, request.path);
    if (!matched) return noRoute(request.path);
    return matched.route.handler(account, request, matched.params);
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(fail(500, 10013, String(error)).body));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const contentType = String(req.headers["content-type"] ?? "");
    const request: FakeRequest = {
      method: req.method ?? "GET",
      path: url.pathname.startsWith(API_PREFIX)
        ? url.pathname.slice(API_PREFIX.length)
        : url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: parseJson(contentType, body),
    };
    const response = await answer(request);
    calls.push({
      method: request.method,
      path: request.path,
      query: url.search,
      status: response.status,
      body: summarizeBody(contentType, body, await multipartMetadata(contentType, body)),
    });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(JSON.stringify(response.body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const apiBase = `http://127.0.0.1:${port}${API_PREFIX}`;
  return {
    apiBase,
    accountId,
    apiToken,
    account,
    calls,
    fail: (fault) => void faults.push(fault),
    clearFaults: () => {
      faults = [];
    },
    env: () => ({
      CLOUDFLARE_API_BASE_URL: apiBase,
      CLOUDFLARE_API_TOKEN: apiToken,
      CLOUDFLARE_ACCOUNT_ID: accountId,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        account.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseJson(contentType: string, body: Buffer): unknown {
  if (body.length === 0 || contentType.startsWith("multipart/")) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

async function multipartMetadata(contentType: string, body: Buffer): Promise<unknown> {
  if (!contentType.startsWith("multipart/form-data")) return undefined;
  const form = await new Request("http://fake.invalid/", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  }).formData();
  const metadata = form.get("metadata");
  return typeof metadata === "string" ? JSON.parse(metadata) : undefined;
}
