import type { Translation } from "../../catalog-types.ts";
import type { autointel as english } from "../en/autointel.ts";

export const autointel: Translation<typeof english> = {};
