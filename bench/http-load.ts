// Sends pre-signed requests over a fixed number of keep-alive connections and times each one.
import { Agent, request } from "node:http";

export interface TimedRequest {
  kind: string;
  body: string;
  signature: string;
  timestamp: string;
}

export interface TimedResult {
  kind: string;
  ms: number;
  status: number;
  responseType: number | null;
}

function post(agent: Agent, url: URL, item: TimedRequest): Promise<TimedResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(item.body),
          "x-signature-ed25519": item.signature,
          "x-signature-timestamp": item.timestamp,
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const ms = performance.now() - started;
          let responseType: number | null = null;
          try {
            responseType =
              (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type?: number }).type ??
              null;
          } catch {
            // not JSON: counted by status
          }
          resolve({ kind: item.kind, ms, status: res.statusCode ?? 0, responseType });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(item.body);
  });
}

/** Every item once, `connections` at a time, in order; returns the timings and the wall time. */
export async function runLoad(
  url: string,
  items: TimedRequest[],
  connections: number,
): Promise<{ results: TimedResult[]; wallMs: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const results: TimedResult[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as TimedRequest;
      results.push(await post(agent, target, item));
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();
  return { results, wallMs };
}
