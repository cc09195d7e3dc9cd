import type { en } from "./catalogs/en/index.ts";

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;

/** A translation of an English section: the same keys, each taking the same variables. */
export type Translation<EnglishSection> = {
  readonly [K in keyof EnglishSection]: EnglishSection[K];
};

/**
 * A catalog message named, not yet rendered: plain JSON, so a tracker can store it (a stage's
 * progress label, an option error) and render it later in whichever language the reader needs.
 * Build one with `textRef`, which type-checks the key and its variables.
 */
export interface TextRef {
  readonly key: MessageKey;
  readonly vars?: Readonly<
    Record<string, string | number | boolean | null | readonly string[] | TextRef>
  >;
}
