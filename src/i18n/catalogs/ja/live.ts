import type { Translation } from "../../catalog-types.ts";
import type { live as english } from "../en/live.ts";

export const live: Translation<typeof english> = {};
