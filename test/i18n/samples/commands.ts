import type { commands } from "../../../src/i18n/catalogs/en/commands.ts";
import type { SamplesOf } from "./samples-of.ts";

export const commandsSamples: SamplesOf<typeof commands> = {};
