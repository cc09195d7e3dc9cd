import type { Translation } from "../../catalog-types.ts";
import type { results as english } from "../en/results.ts";

export const results: Translation<typeof english> = {};
