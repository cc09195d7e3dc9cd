// The local web sites /autointel analyses in tests: two origins on 127.0.0.1 (a "main" site with
// every kind of trouble, a "deep" site with 41 pages and a Crawl-delay), each logging the
// requests it received so tests can check what the crawler did and did not fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HOSTILE_SITE } from "./hostile-pages.ts";
import { DEEP_SITE, MAIN_SITE, renderHtml, type SitePage } from "./test-site-pages.ts";

export interface SiteRequest {
  method: string;
  path: string;
  userAgent: string | null;
  at: number;
}

export interface RunningTestSites {
  mainOrigin: string;
  deepOrigin: string;
  close(): Promise<void>;
}

/** Where a test reads a site's request log (not linked from any page). */
export const REQUEST_LOG_PATH = "/_site/requests";

function sendPage(
  page: SitePage,
  req: IncomingMessage,
  res: ServerResponse,
  deepOrigin: string,
): void {
  const head = req.method === "HEAD";
  const html = (status: number, body: string) => {
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    res.end(head ? undefined : body);
  };
  switch (page.kind) {
    case "html":
      html(page.status ?? 200, renderHtml(page, deepOrigin));
      return;
    case "no-head":
      if (head) {
        res.writeHead(405, { allow: "GET" });
        res.end();
        return;
      }
      html(200, renderHtml(page, deepOrigin));
      return;
    case "redirect":
      res.writeHead(page.status, { location: page.location });
      res.end();
      return;
    case "status":
      html(page.status, `<!doctype html><title>${page.status}</title><p>Status ${page.status}</p>`);
      return;
    case "json": {
      const body = JSON.stringify({ lighthouses: 3 });
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(head ? undefined : body);
      return;
    }
    case "text":
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(head ? undefined : page.text);
      return;
    case "huge":
      sendHuge(page.bytes, page.declareLength, head, res);
      return;
    case "slow": {
      const timer = setTimeout(
        () => html(200, "<!doctype html><title>Slow</title><p>Finally.</p>"),
        page.delayMs,
      );
      res.once("close", () => clearTimeout(timer));
      return;
    }
  }
}

function sendHuge(bytes: number, declareLength: boolean, head: boolean, res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    ...(declareLength ? { "content-length": bytes } : {}),
  });
  if (head) {
    res.end();
    return;
  }
  const chunk = Buffer.alloc(64 * 1024, "<p>lighthouse</p>\n");
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += part.length;
      if (!res.write(part)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}

function startSite(
  pages: Record<string, SitePage>,
  deepOrigin: () => string,
): Promise<{ server: Server; origin: string }> {
  const log: SiteRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("#")[0] ?? "/";
    if (path.startsWith(REQUEST_LOG_PATH)) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ requests: log }));
      return;
    }
    log.push({
      method: req.method ?? "GET",
      path,
      userAgent: req.headers["user-agent"] ?? null,
      at: Date.now(),
    });
    const page = pages[path];
    if (!page) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end(req.method === "HEAD" ? undefined : "<!doctype html><title>Not found</title>");
      return;
    }
    sendPage(page, req, res, deepOrigin());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startTestSites(): Promise<RunningTestSites> {
  const deep = await startSite(DEEP_SITE, () => deep.origin);
  const main = await startSite({ ...MAIN_SITE, ...HOSTILE_SITE }, () => deep.origin);
  return {
    mainOrigin: main.origin,
    deepOrigin: deep.origin,
    close: async () => {
      await Promise.all([closeServer(main.server), closeServer(deep.server)]);
    },
  };
}
