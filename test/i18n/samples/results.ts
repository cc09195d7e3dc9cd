import type { results } from "../../../src/i18n/catalogs/en/results.ts";
import type { SamplesOf } from "./samples-of.ts";

export const resultsSamples: SamplesOf<typeof results> = {};
