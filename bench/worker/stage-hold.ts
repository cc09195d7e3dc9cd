// Holds the product's stage queue while the acknowledgement path is measured: locally the
// workflows that /autointel starts would otherwise run on the same two cores as the acks being
// timed. The queue delivers one batch at a time, so holding one consumer invocation pauses it.

const MAX_HOLD_MS = 10 * 60 * 1000;
let heldSince: number | null = null;

export function holdStages(held: boolean): void {
  heldSince = held ? Date.now() : null;
}

export async function whileStagesHeld(): Promise<void> {
  while (heldSince !== null && Date.now() - heldSince < MAX_HOLD_MS)
    await new Promise((resolve) => setTimeout(resolve, 20));
}
