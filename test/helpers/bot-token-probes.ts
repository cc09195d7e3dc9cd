import type { RecordedRequest } from "./emulator.ts";
import { emulator } from "./emulator.ts";

/** The emulator's last request sequence number: count what comes after it. */
export async function lastEmulatorSeq(): Promise<number> {
  return (await emulator.requests()).at(-1)?.seq ?? 0;
}

/** GET /users/@me since `since`: only the health check's bot-token probe calls it. */
export async function botTokenProbes(since: number): Promise<RecordedRequest[]> {
  return (await emulator.requests("/users/@me", since)).filter(
    (r) => r.method === "GET" && r.path === "/users/@me",
  );
}
