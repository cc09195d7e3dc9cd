import { describe, expect, it } from "vitest";
import { messageLimitViolations } from "../../src/discord/render/message-limits.ts";
import { runAgainId } from "../../src/results/result-actions.ts";
import { resultMessage } from "../../src/results/result-message.ts";
import type { StoredResultMeta } from "../../src/results/result-store.ts";
import type { WorkflowResult } from "../../src/workflow/definition.ts";
import { markdownHazards, messageTexts } from "../helpers/markdown-hazards.ts";

const meta = (status: StoredResultMeta["status"]): StoredResultMeta => ({
  workflowId: "0b7d3c1e-8d6f-4a43-9a43-0c6d0f3f7a11",
  command: "autointel",
  input: "https://example.com/[x](https://evil.example)",
  userId: "42",
  guildId: null,
  channelId: null,
  status,
  createdAt: 0,
  completedAt: 1,
  error: status === "completed" ? null : "no answer within 5 s **loud**",
  options: { url: "https://example.com/", depth: "deep" },
});

const huge = (n: number) => "[Free Nitro](https://evil.example) @everyone ".repeat(n);

const result: WorkflowResult = {
  summary: `"${huge(10)}": 100 pages crawled`,
  markdown: `# Site analysis\n\n| Figure | Value |\n|---|---|\n| Pages | 100 |\n${huge(2000)}`,
  data: { ok: true },
  fields: Array.from({ length: 30 }, (_, i) => ({
    name: `Figure ${i} ${huge(5)}`,
    value: huge(40),
  })),
  findings: ["Broken links", "No answer in time", "Refused addresses"].map((title) => ({
    title,
    total: 250,
    items: Array.from({ length: 5 }, (_, i) => ({
      subject: `https://example.com/${i}/${huge(20)}`,
      detail: huge(10),
      foundOn: `/page-${i}`,
    })),
  })),
};

describe("the result message", () => {
  it("stays within Discord's limits, with no table or heading and nothing from the page as markup", () => {
    const body = resultMessage(meta("completed"), "Site analysis", result, { mention: true });
    expect(messageLimitViolations(body)).toEqual([]);
    for (const text of messageTexts({ content: body.content, embeds: body.embeds })) {
      expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
      expect(text).not.toMatch(/^#{1,3} /m);
      expect(markdownHazards(text, ["42"]), text).toEqual([]);
    }
    expect(body.content).toBe("<@42>");
    expect(body.allowed_mentions).toEqual({ parse: [], users: ["42"] });
    expect(body.files?.map((f) => f.name)).toEqual(["report.md", "result.json"]);
    const findings = body.embeds?.[0]?.fields?.filter((f) => !f.inline) ?? [];
    expect(findings.map((f) => f.name)).toEqual([
      "Broken links (250)",
      "No answer in time (250)",
      "Refused addresses (250)",
    ]);
    expect(findings[0]?.value).toMatch(/…and \d+ more in report\.md$/);
  });

  it("tells what to do next after a timeout, with Run again and a shallower run", () => {
    const body = resultMessage(meta("timed_out"), "Site analysis", result, {
      actions: { retry: true, runAgain: true, lighterLabel: "Run again at depth standard" },
    });
    expect(body.embeds?.[0]?.title).toBe("⌛ Site analysis timed out");
    expect(body.embeds?.[0]?.description).toContain("**What next:**");
    expect(body.embeds?.[0]?.description).toContain("Run again at depth standard");
    const row = body.components?.[0] as { components: { custom_id?: string }[] } | undefined;
    const ids = row?.components.map((button) => button.custom_id);
    expect(ids).toEqual([
      `retry:${meta("timed_out").workflowId}`,
      runAgainId(meta("timed_out").workflowId),
      runAgainId(meta("timed_out").workflowId, "lighter"),
    ]);
    expect(body.allowed_mentions).toEqual({ parse: [], users: [] });
  });

  it("points to /retrieve_results instead of attaching files that are too large", () => {
    const body = resultMessage(meta("failed"), "Site analysis", result, { maxAttachmentBytes: 10 });
    expect(body.files).toBeUndefined();
    expect(body.embeds?.[0]?.description).toContain("/retrieve_results workflow_id:");
    expect(body.components).toEqual([]);
  });
});
