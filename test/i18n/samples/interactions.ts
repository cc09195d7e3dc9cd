import type { interactions } from "../../../src/i18n/catalogs/en/interactions.ts";
import type { SamplesOf } from "./samples-of.ts";

export const interactionsSamples: SamplesOf<typeof interactions> = {};
