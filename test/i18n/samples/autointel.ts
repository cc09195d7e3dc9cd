import type { autointel } from "../../../src/i18n/catalogs/en/autointel.ts";
import type { SamplesOf } from "./samples-of.ts";

export const autointelSamples: SamplesOf<typeof autointel> = {};
