import { existsSync } from "node:fs";

/** Debian's package; CHROMIUM_PATH points elsewhere (or nowhere, to see the skip or the failure). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type ChromiumVerdict =
  | { kind: "run" }
  | { kind: "skip"; reason: string }
  | { kind: "fail"; reason: string };

/**
 * Whether the browser test can run. On a developer's machine a missing Chromium skips it, saying
 * why; in CI (`CI=true`, as CI services set it) it fails, so a CI that lost its browser does not
 * pass green without ever opening the page.
 */
export function chromiumVerdict(
  path = CHROMIUM,
  ci = process.env.CI,
  exists: (path: string) => boolean = existsSync,
): ChromiumVerdict {
  if (exists(path)) return { kind: "run" };
  const missing = `${path} is not installed, so the live view browser test cannot run`;
  if (ci === "true" || ci === "1")
    return { kind: "fail", reason: `${missing}; CI=true requires it (.ci/run installs it)` };
  return { kind: "skip", reason: `${missing} (locally: apt-get install -y chromium)` };
}
