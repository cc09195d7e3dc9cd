import { describe, expect, it } from "vitest";
import { messageLimitViolations } from "../../src/discord/render/message-limits.ts";
import { formattersFor } from "../../src/i18n/translator.ts";
import { runAgainId } from "../../src/results/result-actions.ts";
import { resultFiles, resultMessage } from "../../src/results/result-message.ts";
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
    const body = resultMessage(meta("completed"), "Site analysis", result, {
      locale: "en-US",
      mention: true,
    });
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
      locale: "en-US",
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

  it("attaches the files within the limit and links the larger ones", () => {
    const url = "https://bot.example/files/results/x/report.md?sig=1.abc";
    const limit = 2048;
    const linked = resultMessage(meta("completed"), "Site analysis", result, {
      locale: "en-US",
      maxAttachmentBytes: limit,
      links: [{ name: "report.md", url, expiresAt: 1_800_000_000_000 }],
    });
    const files = resultFiles(meta("completed"), result);
    // The sample's report is over the limit and its result.json within it.
    expect(files.map((file) => String(file.data).length > limit)).toEqual([true, false]);
    expect(linked.files?.map((file) => file.name)).toEqual(["result.json"]);
    const description = linked.embeds?.[0]?.description ?? "";
    expect(description).toContain("📎 **result.json** is attached.");
    expect(description).toContain(
      `**report.md** is larger than files here may be (${formattersFor("en-US").bytes(limit)}): [download it](${url}) (link valid until <t:1800000000:f>).`,
    );
    expect(description).not.toContain("/retrieve_results workflow_id:");
  });

  it("points to /retrieve_results instead of attaching files that are too large", () => {
    const body = resultMessage(meta("failed"), "Site analysis", result, {
      locale: "en-US",
      maxAttachmentBytes: 10,
    });
    expect(body.files).toBeUndefined();
    expect(body.embeds?.[0]?.description).toContain("/retrieve_results workflow_id:");
    expect(body.components).toEqual([]);
  });
});
