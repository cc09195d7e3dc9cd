import type { Translation } from "../../catalog-types.ts";
import type { exporting as english } from "../en/exporting.ts";

export const exporting: Translation<typeof english> = {};
