// `node bench/stage-cpu/run.ts`: the CPU time workerd spends on the heaviest stage of /autointel
// (extract: HTMLRewriter over the page, Intl.Segmenter over its words) for pages of growing size
// up to PAGE_MAX_BYTES. Counted from workerd's own process CPU (Linux /proc), so it includes
// everything the runtime does for the call. Decides which Workers plan the bot needs
// (scripts/deploy/bot-requirements.ts).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

const CALLS = 20;
// 0: an empty page, the cost of the call itself (dispatch, HTTP to workerd, JSON answer).
const SIZES = [0, 100_000, 500_000, 2_097_152];
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

const bundle = await build({
  entryPoints: ["bench/stage-cpu/worker.ts"],
  bundle: true,
  format: "esm",
  write: false,
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*", "node:*"],
});
const mf = new Miniflare(
  convertV4MiniflareOptions({
    workers: [
      {
        name: "stage",
        modules: true,
        script: bundle.outputFiles[0]?.text ?? "",
        compatibilityDate: "2026-11-01",
        compatibilityFlags: ["nodejs_compat"],
      },
    ],
  }),
);
await mf.ready;
const ownWorkerd = workerdUnderThisProcess();

try {
  console.log("page bytes | CPU ms per extract (workerd, mean of 20)");
  for (const size of SIZES) {
    const html = documentationPage(size);
    await mf.dispatchFetch("http://stage/", { method: "POST", body: html });
    const before = workerdCpuMs();
    for (let i = 0; i < CALLS; i++) {
      const answer = await mf.dispatchFetch("http://stage/", { method: "POST", body: html });
      await answer.text();
    }
    console.log(
      `${String(html.length).padStart(10)} | ${((workerdCpuMs() - before) / CALLS).toFixed(1)}`,
    );
  }
} finally {
  await mf.dispose();
}

/** CPU (user + system) of this run's workerd processes, in ms. */
function workerdCpuMs(): number {
  let ticks = 0;
  for (const pid of ownWorkerd) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The workerd processes this run started (others on the machine run their own). */
function workerdUnderThisProcess(): string[] {
  const ps = execFileSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" });
  const rows = ps
    .trim()
    .split("\n")
    .map((row) => row.trim().split(/\s+/));
  const parentOf = new Map(rows.map(([pid, ppid]) => [pid, ppid]));
  const mine = (pid: string | undefined): boolean => {
    for (let depth = 0; pid && depth < 6; depth++) {
      if (pid === String(process.pid)) return true;
      pid = parentOf.get(pid);
    }
    return false;
  };
  return rows
    .filter(([pid, , comm]) => comm?.includes("workerd") && mine(pid))
    .map(([pid]) => pid ?? "");
}

/** A documentation-like page: sections of headings, prose with links, and code. */
function documentationPage(bytes: number): string {
  const words =
    "the module returns a value when called with an argument that names the file and its encoding which defaults to utf8 so that reading text needs no further option".split(
      " ",
    );
  const parts = [
    '<!doctype html><html lang="en"><head><title>Library reference</title></head><body><h1>Reference</h1>',
  ];
  let size = parts[0]?.length ?? 0;
  for (let section = 0; size < bytes; section++) {
    const prose = Array.from(
      { length: 80 },
      (_, i) => words[(section * 7 + i) % words.length],
    ).join(" ");
    const part = `<h2 id="s${section}">Section ${section}</h2><p>${prose} <a href="/lib/s${section}.html">see ${section}</a> and <a href="#s${section + 1}">next</a>.</p><pre><code>value = read(path, encoding="utf8")</code></pre>`;
    parts.push(part);
    size += part.length;
  }
  parts.push("</body></html>");
  return parts.join("").slice(0, bytes);
}
