import type { common } from "../../../src/i18n/catalogs/en/common.ts";
import type { SamplesOf } from "./samples-of.ts";

export const commonSamples: SamplesOf<typeof common> = {
  "common.untranslated": { text: "As given" },
  "common.unknownError": {},
  "common.pages": { count: 3 },
};
