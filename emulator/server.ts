// The emulator's HTTP plumbing: Discord's API under /api/v10, the control API under /_emulator.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator, EmulatorConfig } from "./context.ts";
import { answerControlRequest } from "./control/routes.ts";
import { type ApiOutcome, answerDiscordRequest } from "./discord-api.ts";
import { entityTooLarge, notFoundRoute } from "./discord-errors.ts";
import { FaultStore } from "./faults.ts";
import type { ApiRequest, ApiResponse } from "./http-types.ts";
import { type RateLimitConfig, RateLimiter } from "./rate-limits.ts";
import { describeBody, parseBody } from "./request-body.ts";
import { RequestLog } from "./request-log.ts";
import { createSigner } from "./signing.ts";
import { EmulatorState } from "./state.ts";

export type DiscordEmulatorOptions = {
  port?: number;
  host?: string;
  applicationId?: string;
  botToken?: string;
  /** Interaction token lifetime; Discord's is 15 minutes. */
  tokenTtlMs?: number;
  /** Per bucket; null = no rate limits unless a test sets one. */
  defaultRateLimit?: RateLimitConfig | null;
  /** Per uploaded file; Discord's default is 10 MiB. */
  maxFileBytes?: number;
  /**
   * Install types the application supports (0 guild, 1 user). Default both, as after User
   * Install was enabled in the portal; a new application has [0].
   */
  installTypes?: number[];
};

export type RunningDiscordEmulator = {
  origin: string;
  apiBase: string;
  port: number;
  publicKeyHex: string;
  applicationId: string;
  botToken: string;
  close(): Promise<void>;
};

const API_PREFIX = "/api/v10";
const CONTROL_PREFIX = "/_emulator";
/** Discord refuses whole requests above 25 MiB (with files); we stop reading a bit later. */
const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export async function startDiscordEmulator(
  options: DiscordEmulatorOptions = {},
): Promise<RunningDiscordEmulator> {
  const config: EmulatorConfig = {
    applicationId: options.applicationId ?? "100000000000000001",
    botToken: options.botToken ?? "emulator-bot-token",
    tokenTtlMs: options.tokenTtlMs ?? 15 * 60 * 1000,
    maxFileBytes: options.maxFileBytes ?? 10 * 1024 * 1024,
  };
  const emulator: Emulator = {
    config,
    origin: "",
    state: new EmulatorState(config.applicationId, options.installTypes ?? [0, 1]),
    signer: await createSigner(),
    faults: new FaultStore(),
    rateLimits: new RateLimiter(
      options.defaultRateLimit === undefined
        ? { limit: 50, windowMs: 1000 }
        : options.defaultRateLimit,
    ),
    log: new RequestLog(),
  };
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(emulator, req, res, hanging).catch((error: unknown) => {
      console.error("discord emulator: request failed", error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      write(res, {
        status: 500,
        json: { message: "500: Internal Server Error", code: 0, emulator_error: String(error) },
      });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  emulator.origin = origin;
  return {
    origin,
    apiBase: `${origin}${API_PREFIX}`,
    port,
    publicKeyHex: emulator.signer.publicKeyHex,
    applicationId: config.applicationId,
    botToken: config.botToken,
    close: () =>
      new Promise((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  emulator: Emulator,
  incoming: IncomingMessage,
  res: ServerResponse,
  hanging: Set<ServerResponse>,
): Promise<void> {
  const url = new URL(incoming.url ?? "/", emulator.origin);
  const rawBody = await readBody(incoming);
  if (rawBody === null) {
    write(res, entityTooLarge());
    return;
  }
  const headers = toHeaders(incoming);
  const isControl =
    url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
  const req: ApiRequest = {
    method: (incoming.method ?? "GET").toUpperCase(),
    path: stripPrefix(url.pathname, isControl ? CONTROL_PREFIX : API_PREFIX),
    query: url.searchParams,
    queryString: url.search.replace(/^\?/, ""),
    headers,
    rawBody,
    body: await parseBody(rawBody, headers.get("content-type")),
  };
  if (isControl) {
    write(res, await answerControlRequest(emulator, req));
    return;
  }
  const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
  const outcome: ApiOutcome = inApi
    ? await answerDiscordRequest(emulator, req)
    : { kind: "answer", response: notFoundRoute() };
  recordRequest(emulator, req, outcome);
  if (outcome.kind === "hang") {
    // Never answered: the client's timeout ends it; close() ends the rest.
    hanging.add(res);
    res.on("close", () => hanging.delete(res));
    return;
  }
  write(res, outcome.response);
}

function recordRequest(emulator: Emulator, req: ApiRequest, outcome: ApiOutcome): void {
  const answer = outcome.kind === "answer" ? outcome.response : null;
  emulator.log.record(
    {
      at: Date.now(),
      method: req.method,
      path: req.path,
      query: req.queryString,
      authorization: req.headers.get("authorization"),
      userAgent: req.headers.get("user-agent"),
      contentType: req.headers.get("content-type"),
      body: describeBody(req.body),
      status: answer?.status ?? 0,
      response: answer ? loggedResponse(req, answer) : null,
    },
    answer?.headers?.["X-RateLimit-Scope"],
  );
}

/**
 * A page of history is logged as its ids alone: a bench reads 1,000 pages of 100 messages, and
 * the log keeps 20,000 answers.
 */
function loggedResponse(req: ApiRequest, answer: ApiResponse): unknown {
  const json = answer.json;
  if (req.method === "GET" && Array.isArray(json) && /^\/channels\/[^/]+\/messages$/.test(req.path))
    return { message_ids: json.map((m: { id?: unknown }) => m.id) };
  return json ?? answer.text?.body ?? null;
}

function stripPrefix(pathname: string, prefix: string): string {
  if (pathname === prefix) return "/";
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

function toHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** The whole body, or null past MAX_REQUEST_BYTES. */
async function readBody(incoming: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function write(res: ServerResponse, response: ApiResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let body: string | undefined;
  if (response.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(response.json);
  } else if (response.text) {
    headers["Content-Type"] = response.text.contentType;
    body = response.text.body;
  }
  res.writeHead(response.status, headers);
  res.end(body);
}
