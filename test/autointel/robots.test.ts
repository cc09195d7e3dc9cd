import { describe, expect, it } from "vitest";
import {
  isAllowed,
  parseRobots as parse,
  ROBOTS_MAX_RULE_LENGTH,
  ROBOTS_MAX_RULES,
  type RobotsRules,
} from "../../src/workflows/autointel/robots.ts";

function parseRobots(text: string, token: string): RobotsRules {
  const parsed = parse(text, token);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.robots;
}

const ROBOTS = `
# comments are ignored
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/press/
Crawl-delay: 2

User-agent: LongflowBot
User-agent: SomeOtherBot
Disallow: /no-longflow/
Allow: /
Crawl-delay: 0.5

User-agent: BlockedBot
Disallow: /
`;

describe("robots.txt", () => {
  it("uses the group naming our product token, not the * group", () => {
    const robots = parseRobots(ROBOTS, "longflowbot");
    expect(robots.crawlDelaySeconds).toBe(0.5);
    expect(isAllowed(robots, "/no-longflow/page")).toBe(false);
    expect(isAllowed(robots, "/private/x")).toBe(true);
  });

  it("falls back to the * group, with the longest match deciding", () => {
    const robots = parseRobots(ROBOTS, "unknownbot");
    expect(robots.crawlDelaySeconds).toBe(2);
    expect(isAllowed(robots, "/private/secret")).toBe(false);
    expect(isAllowed(robots, "/private/press/release")).toBe(true);
    expect(isAllowed(robots, "/public")).toBe(true);
  });

  it("understands * wildcards and the $ anchor", () => {
    const robots = parseRobots(ROBOTS, "unknownbot");
    expect(isAllowed(robots, "/files/report.pdf")).toBe(false);
    expect(isAllowed(robots, "/files/report.pdf?download=1")).toBe(true);
  });

  it("lets allow win a tie and always allows robots.txt itself", () => {
    const robots = parseRobots("User-agent: *\nDisallow: /page\nAllow: /page\nDisallow: /", "x");
    expect(isAllowed(robots, "/page")).toBe(true);
    expect(isAllowed(robots, "/other")).toBe(false);
    expect(isAllowed(robots, "/robots.txt")).toBe(true);
  });

  it("allows everything when nothing applies, and an empty Disallow forbids nothing", () => {
    expect(isAllowed(parseRobots("", "x"), "/anything")).toBe(true);
    expect(isAllowed(parseRobots("User-agent: *\nDisallow:\n", "x"), "/anything")).toBe(true);
  });

  it("compares paths and rules after percent-encoding normalisation (RFC 9309 §2.2.2)", () => {
    const robots = parseRobots(
      "User-agent: *\nDisallow: /%7Euser/\nDisallow: /caf\u00e9\nDisallow: /a%2fb\n",
      "x",
    );
    expect(isAllowed(robots, "/~user/page")).toBe(false);
    expect(isAllowed(robots, "/%7euser/page")).toBe(false);
    expect(isAllowed(robots, "/caf%C3%A9")).toBe(false);
    expect(isAllowed(robots, "/caf%c3%a9/menu")).toBe(false);
    expect(isAllowed(robots, "/a%2Fb")).toBe(false);
    // An encoded "/" is not a "/": reserved characters keep their escape.
    expect(isAllowed(robots, "/a/b")).toBe(true);
  });

  it("matches hostile patterns in linear time instead of backtracking", () => {
    const evil = `Disallow: /${"*a".repeat(60)}$`;
    const text = `User-agent: *\n${Array.from({ length: ROBOTS_MAX_RULES }, () => evil).join("\n")}`;
    const robots = parseRobots(text, "x");
    const path = `/${"a".repeat(2000)}b`;
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(isAllowed(robots, path)).toBe(true);
    // A backtracking RegExp took 14.7 s for one rule and a 42-character path.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(isAllowed(robots, `/${"a".repeat(200)}`)).toBe(false);
  });

  it("handles * and $ at the edges and a $ in the middle as a character", () => {
    const robots = parseRobots(
      "User-agent: *\nDisallow: /*/x$\nDisallow: /lit$eral\nDisallow: *.gif\nAllow: /$\n",
      "x",
    );
    expect(isAllowed(robots, "/a/b/x")).toBe(false);
    expect(isAllowed(robots, "/a/b/x/")).toBe(true);
    expect(isAllowed(robots, "/lit$eral/more")).toBe(false);
    expect(isAllowed(robots, "/img/a.gif?v=2")).toBe(false);
    expect(isAllowed(robots, "/")).toBe(true);
    expect(isAllowed(robots, "/x/x")).toBe(false);
  });

  it("refuses a file with more rules or longer rules than it follows, saying which", () => {
    const many = `User-agent: *\n${"Disallow: /x\n".repeat(ROBOTS_MAX_RULES + 1)}`;
    expect(parse(many, "x")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("rules"),
    });
    const long = `User-agent: *\nDisallow: /${"y".repeat(ROBOTS_MAX_RULE_LENGTH)}\n`;
    expect(parse(long, "x")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("characters"),
    });
    // Rules for other agents do not count against us.
    expect(parse(`User-agent: other\n${"Disallow: /x\n".repeat(5000)}`, "x").ok).toBe(true);
  });
});
