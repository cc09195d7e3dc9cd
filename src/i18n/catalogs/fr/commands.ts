import type { Translation } from "../../catalog-types.ts";
import type { commands as english } from "../en/commands.ts";

export const commands: Translation<typeof english> = {};
