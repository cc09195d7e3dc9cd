import type { exporting } from "../../../src/i18n/catalogs/en/exporting.ts";
import type { SamplesOf } from "./samples-of.ts";

export const exportingSamples: SamplesOf<typeof exporting> = {};
