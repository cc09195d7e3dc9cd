// One small page for /autointel to analyse during the benchmark (no links: a quick analysis).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const PAGE = `<!doctype html><html lang="en"><head><title>Bench page</title>
<meta name="description" content="A page the benchmark analyses"></head>
<body><h1>Bench</h1><p>A short page about lighthouses, keepers and the sea.</p></body></html>`;

export async function startPageServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === "/" || req.url === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
