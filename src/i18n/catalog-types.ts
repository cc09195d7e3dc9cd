import type { en } from "./catalogs/en/index.ts";

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;

/** A translation of an English section: the same keys, each taking the same variables. */
export type Translation<EnglishSection> = {
  readonly [K in keyof EnglishSection]: EnglishSection[K];
};
