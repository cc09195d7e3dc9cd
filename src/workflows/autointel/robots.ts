// robots.txt as RFC 9309 defines it: the groups for our product token (or "*"), allow/disallow
// rules with "*" and "$", the longest match deciding and allow winning a tie; plus the
// widespread Crawl-delay extension.

export type RobotsRules = {
  /** [allow?, pattern] */
  rules: [boolean, string][];
  crawlDelaySeconds: number | null;
};

export const ALLOW_ALL: RobotsRules = { rules: [], crawlDelaySeconds: null };
export const DISALLOW_ALL: RobotsRules = { rules: [[false, "/"]], crawlDelaySeconds: null };

type Group = { agents: string[]; rules: [boolean, string][]; crawlDelaySeconds: number | null };

function parseGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let previousWasAgent = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const content = line.replace(/#.*$/, "").trim();
    const colon = content.indexOf(":");
    if (colon < 0) continue;
    const key = content.slice(0, colon).trim().toLowerCase();
    const value = content.slice(colon + 1).trim();
    if (key === "user-agent") {
      if (!current || !previousWasAgent) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(value.split("/")[0]?.trim().toLowerCase() ?? "");
      previousWasAgent = true;
      continue;
    }
    previousWasAgent = false;
    if (!current) continue;
    if ((key === "allow" || key === "disallow") && value !== "")
      current.rules.push([key === "allow", value]);
    if (key === "crawl-delay") {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
  }
  return groups;
}

export function parseRobots(text: string, agentToken: string): RobotsRules {
  const groups = parseGroups(text);
  const token = agentToken.toLowerCase();
  const own = groups.filter((group) => group.agents.includes(token));
  const chosen = own.length > 0 ? own : groups.filter((group) => group.agents.includes("*"));
  const delays = chosen.map((group) => group.crawlDelaySeconds).filter((d) => d !== null);
  return {
    rules: chosen.flatMap((group) => group.rules),
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
  };
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}${anchored ? "$" : ""}`).test(path);
}

/** `pathAndQuery` as it appears in the URL, e.g. "/private/a?b=1". */
export function isAllowed(robots: RobotsRules, pathAndQuery: string): boolean {
  if (pathAndQuery === "/robots.txt") return true;
  let best: { allow: boolean; length: number } | null = null;
  for (const [allow, pattern] of robots.rules) {
    if (!patternMatches(pattern, pathAndQuery)) continue;
    const length = pattern.length;
    if (!best || length > best.length || (length === best.length && allow))
      best = { allow, length };
  }
  return best?.allow ?? true;
}
