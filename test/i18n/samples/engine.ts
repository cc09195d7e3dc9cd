import type { engine } from "../../../src/i18n/catalogs/en/engine.ts";
import type { SamplesOf } from "./samples-of.ts";

export const engineSamples: SamplesOf<typeof engine> = {};
