import type { Message } from "../../message.ts";

export const live = {} satisfies Record<string, Message<never>>;
