import type { Message } from "../../message.ts";

/** What a "What next" line knows: which buttons the result offers. */
interface NextSteps {
  retry: boolean;
  runAgain: boolean;
  /** The lighter run's button label, or null when the workflow has none. */
  lighter: string | null;
}

/** A clause that starts a sentence, with its first letter upper-cased (translations use it). */
export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const again = (runAgain: boolean) => (runAgain ? "press **Run again**" : "run the command again");
const retryFirst = (retry: boolean) =>
  retry ? "press **Retry** to continue after the last completed stage, " : "";

/** `<t:…:f>`: Discord shows the moment in the reader's own time zone and language. */
export const discordTime = (epochMs: number, style: "f" | "R") =>
  `<t:${Math.floor(epochMs / 1000)}:${style}>`;

/** Results: the result message, its files and links, retrieval, result DMs and callbacks. */
export const results = {
  "results.title.completed": ({ title }: { title: string }) => `✅ ${title} finished`,
  "results.title.failed": ({ title }: { title: string }) => `❌ ${title} failed`,
  "results.title.cancelled": ({ title }: { title: string }) => `🛑 ${title} was cancelled`,
  "results.title.timedOut": ({ title }: { title: string }) => `⌛ ${title} timed out`,
  "results.status.completed": () => "completed",
  "results.status.failed": () => "failed",
  "results.status.cancelled": () => "cancelled",
  "results.status.timedOut": () => "timed out",
  "results.footer": ({ workflowId }: { workflowId: string }) => `workflow ${workflowId}`,
  "results.next.failed": ({ retry, runAgain, lighter }: NextSteps) =>
    `**What next:** ${retryFirst(retry)}${again(runAgain)}${lighter ? ` or **${lighter}** for a lighter run` : ""}. If it fails the same way, the attached report says where it stopped.`,
  "results.next.timedOut": ({ retry, runAgain, lighter }: NextSteps) =>
    `**What next:** what finished is attached. ${retryFirst(retry)}${lighter ? `try **${lighter}**` : "try a smaller job"}, or ${again(runAgain)}.`,
  "results.next.cancelled": ({ runAgain }: { runAgain: boolean }) =>
    `**What next:** ${again(runAgain)} to start over.`,
  "results.button.retry": () => "Retry",
  "results.button.runAgain": () => "Run again",
  "results.finding.name": ({ title, total }: { title: string; total: number }, f) =>
    `${title} (${f.number(total)})`,
  "results.finding.foundOn": ({ where }: { where: string }) => `on ${where}`,
  "results.finding.more": ({ count }: { count: number }, f) =>
    `…and ${f.number(count)} more in report.md`,
  "results.files.reportAttached": () =>
    "📎 The full report is attached: **report.md** to read, **result.json** for the raw data.",
  "results.files.reportTooLarge": ({ command }: { command: string }) =>
    `The full report is too large to attach here; fetch it with ${command}.`,
  "results.files.reportNoLinks": () =>
    "The full report is too large to attach here, and this bot has no download links set up (its operator can set LINK_SIGNING_SECRET and PUBLIC_BASE_URL).",
  "results.files.attached": ({ name }: { name: string }) => `📎 **${name}** is attached.`,
  "results.files.linked": (
    {
      name,
      limit,
      url,
      expiresAt,
    }: { name: string; limit: number; url: string; expiresAt: number },
    f,
  ) =>
    `📥 **${name}** is larger than files here may be (${f.bytes(limit)}): [download it](${url}) (link valid until ${discordTime(expiresAt, "f")}).`,
  "results.files.unavailable": ({ name, limit }: { name: string; limit: number }, f) =>
    `⚠️ **${name}** is larger than files here may be (${f.bytes(limit)}) and this bot has no download links set up.`,
  "results.files.listed": ({ count }: { count: number }, f) =>
    f.count(count, {
      one: "🗂️ {n} more file: **files.md** lists every file with its link.",
      other: "🗂️ {n} more files: **files.md** lists every file with its link.",
    }),
  "results.fileList.heading": () => "# Files of this result",
  "results.fileList.linked": (
    { name, url, size }: { name: string; url: string; size: number },
    f,
  ) => `- [${name}](${url}) (${f.bytes(size)})`,
  "results.fileList.unlinked": ({ name, size }: { name: string; size: number }, f) =>
    `- ${name} (${f.bytes(size)}, no link)`,
  "results.fallbackSummary": () =>
    "The report could not be assembled; the raw stage outputs are attached.",
  "results.notify.ready": ({
    title,
    input,
    status,
    summary,
    command,
  }: {
    title: string;
    input: string;
    status: string;
    summary: string;
    command: string;
  }) =>
    `🔔 Your **${title}** result for ${input} is ready (${status}). ${summary}\nFetch it any time with ${command}.`,
  "results.retrieve.notFound": ({ days }: { days: number }, f) =>
    `I can't find a result with that id. Results are kept for ${f.count(days, { one: "{n} day", other: "{n} days" })}; run \`/retrieve_results\` without an id to list yours.`,
  "results.retrieve.gone": ({ days }: { days: number }, f) =>
    `⚠️ I can't find that result any more; results are kept for ${f.count(days, { one: "{n} day", other: "{n} days" })}.`,
  "results.list.none": () => "You have no stored results yet.",
  "results.list.heading": () => "Your recent results (newest first):",
  "results.list.line": ({
    id,
    command,
    input,
    status,
    createdAt,
    delivered,
  }: {
    id: string;
    command: string;
    input: string;
    status: string;
    createdAt: number;
    delivered: boolean;
  }) =>
    `• ${id} ${command} · ${input} · ${status} · ${discordTime(createdAt, "R")}${delivered ? "" : " · not delivered yet"}`,
  "results.list.fetchOne": ({ command }: { command: string }) => `Fetch one with ${command}.`,
  "results.exhausted": (
    {
      command,
      workflowId,
      attempts,
      days,
      retrieve,
    }: { command: string; workflowId: string; attempts: number; days: number; retrieve: string },
    f,
  ) =>
    `📭 I couldn't deliver the result of your ${command} workflow (${workflowId}), and I've stopped retrying after ${f.count(attempts, { one: "{n} more attempt", other: "{n} more attempts" })}.\nIt is kept for ${f.count(days, { one: "{n} day", other: "{n} days" })}: run ${retrieve} to get it.`,
  "results.fileReplyFailed": () =>
    "⚠️ Sorry, I couldn't send that here. Nothing you did caused it; please run the command again.",
  "results.download.disabled": () => "Download links are not enabled on this bot.",
  "results.download.missing": () => "This download link has no signature.",
  "results.download.malformed": () => "This download link's signature is damaged.",
  "results.download.invalid": () => "This download link is not valid (it was changed).",
  "results.download.expired": () =>
    "This download link has expired: the file is kept no longer than the link.",
  "results.download.gone": () => "This file is no longer stored.",
} satisfies Record<string, Message<never>>;
