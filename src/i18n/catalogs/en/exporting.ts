import type { Message } from "../../message.ts";

export const exporting = {} satisfies Record<string, Message<never>>;
