import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { r2StageFiles } from "../../src/queue/stage-files-r2.ts";
import { resultFileKey } from "../../src/results/result-store.ts";
import { PART_BYTES, type UploadState } from "../../src/workflow/stage-files.ts";

/** A piece of text whose bytes say where they belong, so a lost or repeated piece shows. */
function piece(index: number, bytes: number): string {
  const label = `<${index}>`;
  return label + "x".repeat(bytes - label.length);
}

describe("a stage's result file written by multipart upload", () => {
  it("resumes across invocations and replays from an older state without a byte lost or doubled", async () => {
    const workflowId = `files-${crypto.randomUUID()}`;
    const files = r2StageFiles(env.RESULTS, workflowId);
    const size = 700 * 1024;
    const pieces = Array.from({ length: 18 }, (_, i) => piece(i, size)); // ≈ 12.3 MiB: 3 parts
    let upload = await files.upload("export.txt", "text/plain; charset=utf-8");
    for (const text of pieces.slice(0, 5)) await upload.write(text);
    const early: UploadState = await upload.suspend(); // below one part: all in the tail
    expect(early.parts).toHaveLength(0);

    upload = await files.upload("export.txt", "text/plain; charset=utf-8", early);
    for (const text of pieces.slice(5, 12)) await upload.write(text);
    await upload.suspend(); // a state the "crash" below never saved
    // The run that wrote pieces 5–11 died before its state was kept: resume from `early`.
    upload = await files.upload("export.txt", "text/plain; charset=utf-8", early);
    for (const text of pieces.slice(5)) await upload.write(text);
    const file = await upload.finish();

    const expected = pieces.join("");
    expect(file).toEqual({
      name: "export.txt",
      contentType: "text/plain; charset=utf-8",
      bytes: expected.length,
    });
    expect(expected.length).toBeGreaterThan(2 * PART_BYTES);
    const stored = await env.RESULTS.get(resultFileKey(workflowId, "export.txt"));
    expect(await stored?.text()).toBe(expected);
    expect(await files.size("export.txt")).toBe(expected.length);
  });

  it("writes an empty file as one empty part, and refuses names a link could not carry", async () => {
    const files = r2StageFiles(env.RESULTS, `files-${crypto.randomUUID()}`);
    const upload = await files.upload("empty.csv", "text/csv");
    expect((await upload.finish()).bytes).toBe(0);
    await expect(files.upload("../up.txt", "text/plain")).rejects.toThrow(/not a file name/);
  });
});
