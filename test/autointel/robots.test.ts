import { describe, expect, it } from "vitest";
import { isAllowed, parseRobots } from "../../src/workflows/autointel/robots.ts";

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
});
