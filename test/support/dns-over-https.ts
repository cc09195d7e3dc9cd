// A DNS-over-HTTPS stand-in (the JSON API of cloudflare-dns.com and dns.google:
// GET ?name=&type=, Accept: application/dns-json) with a small fixed zone, so the URL guard's
// name resolution is tested against a real HTTP server. Like nip.io, "<a.b.c.d>.nip.io" resolves
// to a.b.c.d. Aliases answer the way an authoritative server does (the CNAME only), except
// alias.public.test, answered the way a recursive resolver does (the chain and the address).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type Record = { type: number; data: string };
const A = 1;
const CNAME = 5;
const AAAA = 28;
export const PUBLIC_ADDRESS = "93.184.215.14";

const ZONE: { [name: string]: Record[] } = {
  "public.test": [{ type: A, data: PUBLIC_ADDRESS }],
  "chain.test": [{ type: CNAME, data: "hop.chain.test." }],
  "hop.chain.test": [{ type: CNAME, data: "end.chain.test." }],
  "end.chain.test": [{ type: A, data: "10.0.0.7" }],
  "internal-alias.test": [{ type: CNAME, data: "metadata.google.internal." }],
  "v6.test": [
    { type: A, data: PUBLIC_ADDRESS },
    { type: AAAA, data: "fd00::1" },
  ],
};

function records(name: string): Record[] | null {
  if (name === "alias.public.test")
    return [{ type: CNAME, data: "public.test." }, ...(ZONE["public.test"] ?? [])];
  const nip = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\.nip\.io$/.exec(name);
  if (nip) return [{ type: A, data: nip[1] as string }];
  return ZONE[name] ?? null;
}

export async function startDnsOverHttps(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    const name = (query.get("name") ?? "").toLowerCase().replace(/\.$/, "");
    const type = Number(query.get("type"));
    if (name === "fail.test" || req.headers.accept !== "application/dns-json") {
      res.writeHead(500);
      res.end();
      return;
    }
    const found = records(name);
    // A CNAME answers every type; addresses answer their own type.
    const answer = (found ?? []).filter((r) => r.type === type || r.type === CNAME);
    res.writeHead(200, { "content-type": "application/dns-json" });
    res.end(
      JSON.stringify({
        Status: found ? 0 : 3,
        Question: [{ name, type }],
        Answer: answer.map((r) => ({ name, type: r.type, TTL: 30, data: r.data })),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
