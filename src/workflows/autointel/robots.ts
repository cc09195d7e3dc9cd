// robots.txt as RFC 9309 defines it: the groups for our product token (or "*"), allow/disallow
// rules with "*" and "$", the longest match deciding and allow winning a tie; plus the
// widespread Crawl-delay extension. A file beyond the caps below is refused, not half-read.

import { matchesRobotsPattern, normaliseRobotsPath } from "./robots-pattern.ts";

export type RobotsRules = {
  /** [allow?, normalised pattern] */
  rules: [boolean, string][];
  crawlDelaySeconds: number | null;
};

export const ALLOW_ALL: RobotsRules = { rules: [], crawlDelaySeconds: null };
export const DISALLOW_ALL: RobotsRules = { rules: [[false, "/"]], crawlDelaySeconds: null };

/** RFC 9309 §2.5 asks crawlers to read at least 500 KiB; we read that and no more. */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/** Rules that apply to us. They are kept in the crawl state, so count × length is its bound. */
export const ROBOTS_MAX_RULES = 1000;
export const ROBOTS_MAX_RULE_LENGTH = 256;

export type RobotsParse = { ok: true; robots: RobotsRules } | { ok: false; problem: string };

type Group = { agents: string[]; rules: [boolean, string][]; crawlDelaySeconds: number | null };

function parseGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let previousWasAgent = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const hash = line.indexOf("#");
    const content = (hash < 0 ? line : line.slice(0, hash)).trim();
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

/** The rules for `agentToken`, normalised; refused (with the reason) when over a cap. */
export function parseRobots(text: string, agentToken: string): RobotsParse {
  const groups = parseGroups(text);
  const token = agentToken.toLowerCase();
  const own = groups.filter((group) => group.agents.includes(token));
  const chosen = own.length > 0 ? own : groups.filter((group) => group.agents.includes("*"));
  const raw = chosen.flatMap((group) => group.rules);
  if (raw.length > ROBOTS_MAX_RULES)
    return {
      ok: false,
      problem: `has ${raw.length} rules for us, more than the ${ROBOTS_MAX_RULES} we follow`,
    };
  const rules: [boolean, string][] = [];
  for (const [allow, pattern] of raw) {
    // Runs of "*" match what one "*" matches; collapsing them keeps the length honest.
    const normalised = normaliseRobotsPath(pattern.replace(/\*{2,}/g, "*"));
    if (normalised.length > ROBOTS_MAX_RULE_LENGTH)
      return {
        ok: false,
        problem: `has a rule of ${normalised.length} characters, longer than the ${ROBOTS_MAX_RULE_LENGTH} we follow`,
      };
    rules.push([allow, normalised]);
  }
  const delays = chosen.map((group) => group.crawlDelaySeconds).filter((d) => d !== null);
  return {
    ok: true,
    robots: { rules, crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null },
  };
}

/**
 * `pathAndQuery` as it appears in the URL, e.g. "/private/a?b=1". Cost: one linear match per
 * rule, so at most ROBOTS_MAX_RULES × (path + ROBOTS_MAX_RULE_LENGTH) character steps.
 */
export function isAllowed(robots: RobotsRules, pathAndQuery: string): boolean {
  if (pathAndQuery === "/robots.txt") return true;
  const path = normaliseRobotsPath(pathAndQuery);
  let best: { allow: boolean; length: number } | null = null;
  for (const [allow, pattern] of robots.rules) {
    const length = pattern.length;
    if (best && (length < best.length || (length === best.length && !allow))) continue;
    if (!matchesRobotsPattern(pattern, path)) continue;
    best = { allow, length };
  }
  return best?.allow ?? true;
}
