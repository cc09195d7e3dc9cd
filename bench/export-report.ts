// x)'s table: the export's pace against the emulator's bound, its file, its memory, and bench
// c)'s result latency without and with it.
import type { DiscordRun } from "./discord-requests.ts";
import type { ExportReport } from "./export-run.ts";
import { figure, markdownTable as table } from "./markdown-table.ts";

/** With blank lines around it, so the printout pastes into Markdown as it is. */
const markdownTable = (header: string[], rows: (string | number)[][]) =>
  `\n${table(header, rows)}\n`;

const MIB = 1024 * 1024;

export function exportSection(x: ExportReport): string {
  const e = x.export;
  const ratio = e.messagesPerSecond / e.boundPerSecond;
  const readRatio = e.reading.messagesPerSecond / e.boundPerSecond;
  const p99 = (run: DiscordRun) => run.summary.endToFinalMs.p99;
  const p99Ratio = p99(x.during) / p99(x.quiet);
  const row = (name: string, run: DiscordRun) => [
    name,
    run.summary.endToFinalMs.n,
    run.summary.delivered ? "yes" : "NO",
    figure(run.summary.endToFinalMs.p50),
    figure(p99(run)),
    run.summary.tooManyRequests,
  ];
  const file = e.file
    ? `${figure(e.file.bytes / MIB)} MiB, ${e.file.messages} messages: ${e.file.lost} lost, ${e.file.repeated} repeated, ${e.file.inOrder ? "in order" : "NOT in order"}`
    : "none found";
  return [
    `x) /export of ${e.messages} seeded messages (${e.format}); the emulator allows ${e.requestsPerSecond} history reads a second (bound ${e.boundPerSecond} messages/s)`,
    markdownTable(
      ["measure", "value", "goal"],
      [
        ["command → file delivered", `${figure(e.wallMs / 1000)} s`, "—"],
        ["messages / s, end to end", figure(e.messagesPerSecond), "—"],
        ["÷ bound", `${figure(ratio)}×`, "≥ 0.8×"],
        ["messages / s, first read → last read", figure(e.reading.messagesPerSecond), "—"],
        ["÷ bound (reading alone)", `${figure(readRatio)}×`, "≥ 0.8×"],
        ["history requests (429s)", `${e.reading.requests} (${e.reading.tooMany})`, "0 429s"],
        ["HTTP 429s, any route, while it ran", e.tooManyRequests, "0"],
        ["file", file, "none lost or repeated"],
        [
          "wrangler dev + workerd RSS: before → peak",
          `${figure(e.baselineRssBytes / MIB)} → ${figure(e.peakRssBytes / MIB)} MiB`,
          "bounded",
        ],
        ["c) p99 with ÷ without the export", `${figure(p99Ratio)}×`, "≤ 1.2×"],
      ],
    ),
    markdownTable(
      ["c) run", "results timed", "all delivered", "end → final p50 ms", "p99 ms", "429s"],
      [row("without the export", x.quiet), row("while the export runs", x.during)],
    ),
    x.failures.length ? `FAILED: ${x.failures.join("; ")}.` : "Every check passed.",
  ].join("\n");
}
