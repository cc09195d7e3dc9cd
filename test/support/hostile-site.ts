// The hostile-site corpus: local web sites that try to hurt a crawler, each cheap to serve.
// Four origins, because robots.txt is per origin:
//   trap     a start page with a 100 KB title, linking to every trap in TRAPS;
//   redos    1,000 robots.txt rules of the shape that froze the consumer (Disallow: /*a*a…a$);
//   overcap  a robots.txt with more rules than we follow (refused, and the report says so);
//   delay    Crawl-delay: 86400.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface RunningHostileSites {
  trap: string;
  redos: string;
  overcap: string;
  delay: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Trap paths, linked from the trap site's start page. */
export const TRAPS = {
  bomb: "/bomb",
  trickle: "/trickle",
  loop: "/loop",
  toPrivate: "/to-private",
  manyLinks: "/many-links",
  nested: "/nested",
  badUtf8: "/bad-utf8",
  wrongCharset: "/wrong-charset",
  hugeHeader: "/huge-header",
} as const;

export const MANY_LINKS = 50_000;
export const NESTED_TAGS = 10_000;
export const LONG_TITLE_CHARS = 100 * 1024;
export const BOMB_INFLATED_BYTES = 1024 ** 3;
export const PRIVATE_TARGET = "http://169.254.169.254/latest/meta-data/";
export const REDOS_RULE = `Disallow: /${"*a".repeat(10)}$`;
export const REDOS_RULES = 1000;
export const OVERCAP_RULES = 5000;
export const REDOS_PATHS = 12;

function html(
  res: ServerResponse,
  body: string | Buffer,
  contentType = "text/html; charset=utf-8",
) {
  res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function text(res: ServerResponse, body: string) {
  html(res, body, "text/plain; charset=utf-8");
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { location });
  res.end();
}

// 1 GiB of zeros as one gzip member: 1 MiB compressed once with a full flush (so the block
// depends on nothing before it) and sent 1,024 times; ~1 KB of CPU work, whatever is read.
const MIB = 1024 * 1024;
const zeroBlock = deflateRawSync(Buffer.alloc(MIB), {
  level: 9,
  finishFlush: constants.Z_FULL_FLUSH,
});
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

function gzipTrailer(): Buffer {
  let crc = 0;
  const zeros = Buffer.alloc(MIB);
  for (let i = 0; i < BOMB_INFLATED_BYTES / MIB; i++) crc = crc32(zeros, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(BOMB_INFLATED_BYTES >>> 0, 4);
  return trailer;
}

const sendBomb: Handler = (req, res) => {
  res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
  if (req.method === "HEAD") return void res.end();
  res.write(GZIP_HEADER);
  let sent = 0;
  const pump = () => {
    while (sent < BOMB_INFLATED_BYTES / MIB && !res.destroyed) {
      sent++;
      if (!res.write(zeroBlock)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end(Buffer.concat([Buffer.from([3, 0]), gzipTrailer()]));
  };
  pump();
};

const sendTrickle: Handler = (req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  if (req.method === "HEAD") return void res.end();
  const timer = setInterval(() => res.write("<"), 1000);
  res.once("close", () => clearInterval(timer));
};

function manyLinksPage(): string {
  const links: string[] = [];
  for (let i = 0; i < MANY_LINKS; i++) links.push(`<a href=${i}></a>`);
  return `<title>Many links</title><base href="/many/">${links.join("")}`;
}

function nestedPage(): string {
  const open = "<div><span>".repeat(NESTED_TAGS / 2);
  const close = "</span></div>".repeat(NESTED_TAGS / 2);
  return `<title>Nested</title>${open}deep words here${close}`;
}

// "Café" with a stray continuation byte, an overlong encoding and bytes UTF-8 never uses.
const BAD_UTF8 = Buffer.concat([
  Buffer.from("<title>Caf"),
  Buffer.from([0xc3, 0x28, 0x80, 0xc0, 0xaf, 0xfe, 0xff]),
  Buffer.from("</title><p>broken bytes</p>"),
]);

function trapPages(): Record<string, Handler> {
  const manyLinks = manyLinksPage();
  const nested = nestedPage();
  const start = Object.values(TRAPS)
    .map((path) => `<a href="${path}">${path}</a>`)
    .join(" ");
  return {
    // The start page is a trap too: a 100 KB title.
    "/": (_req, res) =>
      html(res, `<title>${"T".repeat(LONG_TITLE_CHARS)}</title><h1>Traps</h1><p>${start}</p>`),
    "/robots.txt": (_req, res) => text(res, "User-agent: *\nAllow: /\n"),
    [TRAPS.bomb]: sendBomb,
    [TRAPS.trickle]: sendTrickle,
    [TRAPS.loop]: (_req, res) => redirect(res, "/loop-again"),
    "/loop-again": (_req, res) => redirect(res, TRAPS.loop),
    [TRAPS.toPrivate]: (_req, res) => redirect(res, PRIVATE_TARGET),
    [TRAPS.manyLinks]: (_req, res) => html(res, manyLinks),
    [TRAPS.nested]: (_req, res) => html(res, nested),
    [TRAPS.badUtf8]: (_req, res) => html(res, BAD_UTF8),
    [TRAPS.wrongCharset]: (_req, res) =>
      html(res, "<title>Plain ASCII</title><p>declared as UTF-16</p>", "text/html; charset=utf-16"),
    [TRAPS.hugeHeader]: (req, res) => {
      res.writeHead(200, { "content-type": "text/html", "x-padding": "h".repeat(MIB) });
      res.end(req.method === "HEAD" ? undefined : "<title>Huge header</title>");
    },
  };
}

function redosPages(): Record<string, Handler> {
  const rules = Array.from({ length: REDOS_RULES }, () => REDOS_RULE).join("\n");
  // 42-character paths of "a"s: each rule is tried against each, none matches (no final "a").
  const paths = Array.from({ length: REDOS_PATHS }, (_, i) => `/${"a".repeat(40)}${i % 10}`);
  return {
    "/": (_req, res) =>
      html(res, `<title>Backtracking</title>${paths.map((p) => `<a href="${p}">x</a>`).join("")}`),
    "/robots.txt": (_req, res) => text(res, `User-agent: *\n${rules}\n`),
  };
}

function overcapPages(): Record<string, Handler> {
  const rules = Array.from({ length: OVERCAP_RULES }, (_, i) => `Disallow: /r${i}`).join("\n");
  return {
    "/": (_req, res) => html(res, `<title>Over the caps</title><a href="/next">next</a>`),
    "/robots.txt": (_req, res) => text(res, `User-agent: *\n${rules}\n`),
  };
}

function delayPages(): Record<string, Handler> {
  return {
    "/": (_req, res) => html(res, "<title>Slow down</title><p>No links here.</p>"),
    "/robots.txt": (_req, res) => text(res, "User-agent: *\nCrawl-delay: 86400\n"),
  };
}

function serve(pages: Record<string, Handler>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler = pages[path];
    if (handler) return handler(req, res);
    // /many/<n> and any other path: a small page, quickly.
    html(res, "<title>Filler</title><p>filler</p>");
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startHostileSites(): Promise<RunningHostileSites> {
  const [trap, redos, overcap, delay] = await Promise.all([
    serve(trapPages()),
    serve(redosPages()),
    serve(overcapPages()),
    serve(delayPages()),
  ]);
  return {
    trap: trap.origin,
    redos: redos.origin,
    overcap: overcap.origin,
    delay: delay.origin,
    close: async () => {
      await Promise.all([trap, redos, overcap, delay].map((site) => close(site.server)));
    },
  };
}
