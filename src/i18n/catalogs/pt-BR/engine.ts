import type { Translation } from "../../catalog-types.ts";
import type { engine as english } from "../en/engine.ts";

export const engine: Translation<typeof english> = {};
