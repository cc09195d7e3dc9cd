import type { Message } from "../../message.ts";

/** Results: the result message, its files and links, retrieval, result DMs and callbacks. */
export const results = {} satisfies Record<string, Message<never>>;
