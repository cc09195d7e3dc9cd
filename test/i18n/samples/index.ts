import { autointelSamples } from "./autointel.ts";
import { commandsSamples } from "./commands.ts";
import { commonSamples } from "./common.ts";
import { engineSamples } from "./engine.ts";
import { exportingSamples } from "./exporting.ts";
import { interactionsSamples } from "./interactions.ts";
import { liveSamples } from "./live.ts";
import { resultsSamples } from "./results.ts";

/** Example variables for every message key of the catalog. */
export const messageSamples = {
  ...commonSamples,
  ...commandsSamples,
  ...interactionsSamples,
  ...liveSamples,
  ...engineSamples,
  ...resultsSamples,
  ...autointelSamples,
  ...exportingSamples,
};
