import { common } from "./common.ts";

/** The English catalog: every section's messages under one set of keys. */
export const en = { ...common };
