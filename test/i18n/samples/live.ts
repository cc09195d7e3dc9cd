import type { live } from "../../../src/i18n/catalogs/en/live.ts";
import type { SamplesOf } from "./samples-of.ts";

export const liveSamples: SamplesOf<typeof live> = {};
