import type { Message } from "../../message.ts";

export const autointel = {} satisfies Record<string, Message<never>>;
