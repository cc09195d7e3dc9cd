import type { Translation } from "../../catalog-types.ts";
import type { interactions as english } from "../en/interactions.ts";

export const interactions: Translation<typeof english> = {};
