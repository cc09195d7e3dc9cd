import type { Message } from "../../message.ts";

export const interactions = {} satisfies Record<string, Message<never>>;
