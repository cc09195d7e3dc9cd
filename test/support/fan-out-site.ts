// A page that links to 500 hosts of one site, for the per-site budget. Each host is a port of
// 127.0.0.1 (names like h1.sites.localhost do not resolve inside workerd, and the tests have no
// DNS): the site key of an address is the address, so all 501 origins are one site, exactly as
// h1…h500.victim.example would be one registrable domain. Every request is logged with the time
// it arrived, on this side of the network, where the pace is what a victim would see.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAN_OUT_HOSTS = 500;
/** Links the one-host page holds, all to the first fan-out host. */
export const ONE_HOST_LINKS = 60;

export interface FanOutRequest {
  port: number;
  method: string;
  path: string;
  at: number;
}

export interface RunningFanOutSite {
  /** Serves /fan/<tag> (links to every host, path /<tag>) and /one-host, and the request log. */
  origin: string;
  close(): Promise<void>;
}

export const FAN_OUT_LOG_PATH = "/_fan/requests";

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="en"><title>Fan out</title><body>${body}</body></html>`);
}

export async function startFanOutSite(): Promise<RunningFanOutSite> {
  const log: FanOutRequest[] = [];
  let hosts: string[] = [];
  const record = (req: IncomingMessage, port: number) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path !== FAN_OUT_LOG_PATH)
      log.push({ port, method: req.method ?? "GET", path, at: Date.now() });
    return path;
  };
  const hostServers = await Promise.all(
    Array.from({ length: FAN_OUT_HOSTS }, async () => {
      let port = 0;
      const server = await listen((req, res) => {
        record(req, port);
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(req.method === "HEAD" ? undefined : "ok");
      });
      port = portOf(server);
      return server;
    }),
  );
  hosts = hostServers.map((server) => `http://127.0.0.1:${portOf(server)}`);
  const home = await listen((req, res) => {
    const path = record(req, portOf(home));
    if (path === FAN_OUT_LOG_PATH) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ requests: log }));
    } else if (path.startsWith("/fan/")) {
      const tag = path.slice("/fan/".length);
      html(res, hosts.map((host, i) => `<a href="${host}/${tag}">host ${i}</a>`).join("\n"));
    } else if (path === "/one-host") {
      const links = Array.from({ length: ONE_HOST_LINKS }, (_, i) => `${hosts[0]}/one/${i}`);
      html(res, links.map((link) => `<a href="${link}">${link}</a>`).join("\n"));
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  const servers = [home, ...hostServers];
  return {
    origin: `http://127.0.0.1:${portOf(home)}`,
    close: async () => {
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
