import type { Message } from "../../message.ts";

export const commands = {} satisfies Record<string, Message<never>>;
