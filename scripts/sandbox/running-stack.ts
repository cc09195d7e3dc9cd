// `npm start` leaves a note of where its stack listens, so `npm run sandbox` can drive it
// instead of booting a second one. The note is only trusted while both ends still answer.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { LocalStack } from "../local-stack.ts";

export interface RunningStackNote {
  pid: number;
  botOrigin: string;
  emulatorOrigin: string;
  tokenTtlSeconds: number;
  metricsToken: string;
}

const NOTE_DIR = ".sandbox";
const NOTE_FILE = `${NOTE_DIR}/stack.json`;

export function rememberRunningStack(stack: LocalStack): void {
  const note: RunningStackNote = {
    pid: process.pid,
    botOrigin: stack.botOrigin,
    emulatorOrigin: stack.emulator.origin,
    tokenTtlSeconds: stack.tokenTtlSeconds,
    metricsToken: stack.vars.METRICS_TOKEN ?? "",
  };
  mkdirSync(NOTE_DIR, { recursive: true });
  writeFileSync(NOTE_FILE, `${JSON.stringify(note, null, 2)}\n`);
}

export function forgetRunningStack(): void {
  try {
    const note = JSON.parse(readFileSync(NOTE_FILE, "utf8")) as RunningStackNote;
    if (note.pid === process.pid) rmSync(NOTE_FILE);
  } catch {
    // no note, or not ours: nothing to forget
  }
}

function isNote(value: unknown): value is RunningStackNote {
  if (typeof value !== "object" || value === null) return false;
  const note = value as Record<string, unknown>;
  return (
    typeof note.pid === "number" &&
    typeof note.botOrigin === "string" &&
    typeof note.emulatorOrigin === "string" &&
    typeof note.tokenTtlSeconds === "number" &&
    typeof note.metricsToken === "string"
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1500) })).ok;
  } catch {
    return false;
  }
}

/** The stack `npm start` is running now, or null. */
export async function findRunningStack(): Promise<RunningStackNote | null> {
  let note: unknown;
  try {
    note = JSON.parse(readFileSync(NOTE_FILE, "utf8"));
  } catch {
    return null;
  }
  if (!isNote(note)) return null;
  const [bot, emulator] = await Promise.all([
    answers(`${note.botOrigin}/`),
    answers(`${note.emulatorOrigin}/_emulator/info`),
  ]);
  return bot && emulator ? note : null;
}
