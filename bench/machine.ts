// Where the figures were measured: date, machine and the versions that produced them.
import { readFileSync } from "node:fs";
import { cpus, release, totalmem, type } from "node:os";

function versionOf(packageJson: string): string {
  try {
    return (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  wrangler: string;
  miniflare: string;
  workerd: string;
}

export function machineInfo(): MachineInfo {
  const nested = (name: string) => {
    const inWrangler = versionOf(`node_modules/wrangler/node_modules/${name}/package.json`);
    return inWrangler === "unknown" ? versionOf(`node_modules/${name}/package.json`) : inWrangler;
  };
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    wrangler: versionOf("node_modules/wrangler/package.json"),
    miniflare: nested("miniflare"),
    workerd: nested("workerd"),
  };
}

export function describeMachine(info: MachineInfo): string {
  return `${info.date.slice(0, 10)} · ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB · ${info.os} · Node ${info.node} · wrangler ${info.wrangler} (workerd ${info.workerd})`;
}
