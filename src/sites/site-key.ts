// Which site a URL belongs to, for the per-site budget: its registrable domain ("eTLD+1") from
// the Public Suffix List, so a.victim.example and b.victim.example share one budget while
// x.co.uk and y.co.uk do not. The list changes every week; tldts ships it, is maintained, and is
// plain JavaScript (no Node built-ins), so it runs in Workers as is. Only the ICANN section is
// used: hosts under a private suffix (x.github.io, y.github.io) run on one operator's servers,
// and that operator is who the pace protects. An IP address, or a name with no registrable
// domain (localhost), is its own site.

import { getDomain } from "tldts";

export function siteKeyOf(url: string | URL): string {
  const hostname = (typeof url === "string" ? new URL(url) : url).hostname.toLowerCase();
  return getDomain(hostname) ?? hostname;
}
