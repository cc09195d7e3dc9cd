/**
 * Example variables for every message of a catalog section: a section's samples must name each of
 * its keys (a missing one fails the type check). String variables are replaced by hostile text in
 * the every-message test; the samples give numbers, dates and shapes that make sense.
 */
export type SamplesOf<Section> = {
  readonly [K in keyof Section]: Section[K] extends (vars: infer V, ...rest: never[]) => string
    ? [V] extends [undefined]
      ? Record<never, never>
      : V
    : never;
};
