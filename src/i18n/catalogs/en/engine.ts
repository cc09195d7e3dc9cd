import type { Message } from "../../message.ts";

export const engine = {} satisfies Record<string, Message<never>>;
